package io.gridlearn.glm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Link functions g(μ) = η, as statsmodels defines them (0.13): {@code identity}, {@code log}, {@code logit},
 * {@code cloglog}, {@code inverse} (statsmodels' inverse_power, 1/μ), {@code inverse-squared} (1/μ²),
 * {@code sqrt} and {@code power} (μ^q with {@code --link-power q}; q = 0 is the log link).
 */
public enum Link {
    /** η = μ; μ any real. */
    IDENTITY("identity"),
    /** η = log μ, μ = exp η &gt; 0. */
    LOG("log"),
    /** η = log(μ / (1 − μ)), μ = 1 / (1 + exp(−η)) in (0, 1). */
    LOGIT("logit"),
    /** η = log(−log(1 − μ)), μ = 1 − exp(−exp η) in (0, 1). */
    CLOGLOG("cloglog"),
    /** η = 1/μ (statsmodels' inverse_power). */
    INVERSE("inverse"),
    /** η = 1/μ² (statsmodels' inverse_squared). */
    INVERSE_SQUARED("inverse-squared"),
    /** η = √μ. */
    SQRT("sqrt"),
    /** η = μ^q, q the link power ({@code --link-power}); q = 0 is the log link. */
    POWER("power");

    private final String cliName;

    Link(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name on the command line and in the model JSON.
     *
     * @return the lower-case name, e.g. {@code "inverse-squared"}
     */
    public String cliName() {
        return cliName;
    }

    /** The power q of a power-family link (identity 1, inverse −1, inverse-squared −2, sqrt ½), else NaN. */
    double power(double linkPower) {
        return switch (this) {
            case IDENTITY -> 1.0;
            case INVERSE -> -1.0;
            case INVERSE_SQUARED -> -2.0;
            case SQRT -> 0.5;
            case POWER -> linkPower;
            default -> Double.NaN;
        };
    }

    /**
     * The link of a command-line name; refuses an unknown one listing the names.
     *
     * @param name   the name, as {@link #cliName()}, in any case
     * @param option the option named in the error message (e.g. {@code "link"})
     * @return the link
     */
    public static Link of(String name, String option) {
        for (Link l : values()) {
            if (l.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new io.gridlearn.OptionException(option, "must be one of " + names() + ", was '" + name + "'");
    }

    static String names() {
        return Arrays.stream(values()).map(Link::cliName).collect(Collectors.joining(", "));
    }
}
