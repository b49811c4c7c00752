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
    IDENTITY("identity"),
    LOG("log"),
    LOGIT("logit"),
    CLOGLOG("cloglog"),
    INVERSE("inverse"),
    INVERSE_SQUARED("inverse-squared"),
    SQRT("sqrt"),
    POWER("power");

    private final String cliName;

    Link(String cliName) {
        this.cliName = cliName;
    }

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
