package io.gridlearn.runtime;

import io.gridlearn.OptionException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The option values of one fit request from the command line, by Java option name ({@link LearnerOption#name()}):
 * a learner's own options and the common ones ({@code target}, {@code features}, {@code seed}, {@code missing},
 * {@code live}). An option that was not given is absent; {@link #given()} lists those that were, so a learner
 * can refuse an option it cannot honour.
 */
public final class OptionValues {
    private final Map<String, Object> values;

    public OptionValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The names of the options that were given. */
    public java.util.Set<String> given() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Double doubleValue(String name, Double otherwise) {
        return values.containsKey(name) ? (Double) values.get(name) : otherwise;
    }

    public Integer intValue(String name, Integer otherwise) {
        return values.containsKey(name) ? (Integer) values.get(name) : otherwise;
    }

    public Long longValue(String name, Long otherwise) {
        return values.containsKey(name) ? (Long) values.get(name) : otherwise;
    }

    public String string(String name, String otherwise) {
        return values.containsKey(name) ? (String) values.get(name) : otherwise;
    }

    /** A switch: true when given. */
    public boolean on(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    /** Refuses the options given among {@code names}, naming the algorithm that does not take them. */
    public void refuse(String algorithm, String why, String... names) {
        for (String n : names) {
            if (has(n) && !(values.get(n) instanceof Boolean b && !b)) {
                throw OptionException.worded("{" + n + "} is not an option of " + algorithm
                        + (why == null || why.isEmpty() ? "" : ": " + why));
            }
        }
    }
}
