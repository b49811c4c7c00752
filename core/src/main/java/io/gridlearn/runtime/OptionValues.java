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

    /**
     * The values of one request.
     *
     * @param values the values by Java option name: {@code Double}, {@code Integer}, {@code Long}, {@code String},
     *               {@code Boolean} for a switch, or a {@code List<String>} for a list of columns; copied
     */
    public OptionValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The names of the options that were given.
     *
     * @return the names of the options given, in the order of the map the values came in
     */
    public java.util.Set<String> given() {
        return values.keySet();
    }

    /**
     * Whether an option was given.
     *
     * @param name the option's Java name
     * @return true when it has a value, also {@code false} for a switch
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A decimal option's value.
     *
     * @param name      the option's Java name
     * @param otherwise the value when the option was not given
     * @return the value given, or {@code otherwise}
     */
    public Double doubleValue(String name, Double otherwise) {
        return values.containsKey(name) ? (Double) values.get(name) : otherwise;
    }

    /**
     * An integer option's value.
     *
     * @param name      the option's Java name
     * @param otherwise the value when the option was not given
     * @return the value given, or {@code otherwise}
     */
    public Integer intValue(String name, Integer otherwise) {
        return values.containsKey(name) ? (Integer) values.get(name) : otherwise;
    }

    /**
     * A long option's value.
     *
     * @param name      the option's Java name
     * @param otherwise the value when the option was not given
     * @return the value given, or {@code otherwise}
     */
    public Long longValue(String name, Long otherwise) {
        return values.containsKey(name) ? (Long) values.get(name) : otherwise;
    }

    /**
     * A string option's value.
     *
     * @param name      the option's Java name
     * @param otherwise the value when the option was not given
     * @return the value given, or {@code otherwise}
     */
    public String string(String name, String otherwise) {
        return values.containsKey(name) ? (String) values.get(name) : otherwise;
    }

    /**
     * A switch: true when given.
     *
     * @param name the switch's Java name
     * @return true when the switch was given and on
     */
    public boolean on(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /**
     * A list option's values, e.g. the {@code features}.
     *
     * @param name the option's Java name
     * @return the values in the order given, or null when the option was not given
     */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return (List<String>) values.get(name);
    }

    /**
     * Refuses the options given among {@code names}, naming the algorithm that does not take them.
     *
     * @param algorithm the algorithm named in the message
     * @param why       the reason added to the message, or null
     * @param names     the Java names of the options the algorithm does not take
     */
    public void refuse(String algorithm, String why, String... names) {
        for (String n : names) {
            if (has(n) && !(values.get(n) instanceof Boolean b && !b)) {
                throw OptionException.worded("{" + n + "} is not an option of " + algorithm
                        + (why == null || why.isEmpty() ? "" : ": " + why));
            }
        }
    }
}
