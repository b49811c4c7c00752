package io.gridlearn.runtime;

import java.util.Locale;
import java.util.Objects;

/**
 * One typed option of a learner, as the command line shows, parses and validates it. {@code name} is the
 * option's name in the Java API (the spec builder's method, e.g. {@code maxIter}); the command line's flag is
 * derived from it ({@code --max-iter}) unless {@code flag} says otherwise (a negated switch such as
 * {@code --no-intercept}).
 *
 * @param name        the Java name (lower camel case)
 * @param flag        the command-line flag, e.g. {@code --max-iter}
 * @param type        the value's type
 * @param label       the value's placeholder in help ({@code N}, {@code L}, …); ignored for switches
 * @param description one sentence, with the default where there is one
 */
public record LearnerOption(String name, String flag, Type type, String label, String description) {
    /** The value types an option can have; a switch takes no value. */
    public enum Type {
        /** A number, e.g. a penalty strength. */
        DOUBLE(Double.class),
        /** A whole number in the range of {@code int}, e.g. a count of clusters. */
        INT(Integer.class),
        /** A whole number in the range of {@code long}, e.g. a seed. */
        LONG(Long.class),
        /** Text, e.g. a solver's name. */
        STRING(String.class),
        /** A flag that takes no value: present means true. */
        SWITCH(Boolean.class);

        private final Class<?> javaType;

        Type(Class<?> javaType) {
            this.javaType = javaType;
        }

        /**
         * The boxed Java type of a parsed value.
         *
         * @return {@code Double}, {@code Integer}, {@code Long}, {@code String} or {@code Boolean}
         */
        public Class<?> javaType() {
            return javaType;
        }
    }

    /**
     * Checks the name and the flag, derives a missing flag from the name, and fills a missing label and description.
     *
     * @param name        the Java name (lower camel case)
     * @param flag        the command-line flag, or null to derive it from {@code name}
     * @param type        the value's type
     * @param label       the value's placeholder in help, or null for {@code name} in capitals (nothing for a switch)
     * @param description one sentence, or null for none
     */
    public LearnerOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("option name '" + name + "' must be lower camel case, e.g. maxIter");
        }
        if (flag == null) {
            flag = flagOf(name);
        }
        if (!flag.matches("--[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option flag '" + flag + "' must look like --max-iter");
        }
        label = label == null ? (type == Type.SWITCH ? "" : name.toUpperCase(Locale.ROOT)) : label;
        description = description == null ? "" : description;
    }

    /**
     * An option whose flag is derived from its name.
     *
     * @param name        the Java name (lower camel case)
     * @param type        the value's type
     * @param label       the value's placeholder in help, or null for the name in capitals
     * @param description one sentence, with the default where there is one
     * @return the option
     */
    public static LearnerOption of(String name, Type type, String label, String description) {
        return new LearnerOption(name, null, type, label, description);
    }

    /**
     * A switch (no value), e.g. {@code standardize} as {@code --standardize}.
     *
     * @param name        the Java name (lower camel case)
     * @param description one sentence, with the default where there is one
     * @return the option, of type {@link Type#SWITCH}
     */
    public static LearnerOption flag(String name, String description) {
        return new LearnerOption(name, null, Type.SWITCH, "", description);
    }

    /**
     * {@code maxIter} → {@code --max-iter}.
     *
     * @param javaName an option's Java name in lower camel case
     * @return the command-line flag
     */
    public static String flagOf(String javaName) {
        return io.gridlearn.OptionException.flagOf(javaName);
    }
}
