package io.gridlearn.glm;

import io.gridlearn.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The response distributions of a GLM, with statsmodels' (0.13) variance functions, deviances and default links.
 */
public enum Family {
    /** Normal; variance 1; dispersion estimated; default link identity. */
    GAUSSIAN("gaussian", Link.IDENTITY, true),
    /** Bernoulli / proportions in [0, 1]; variance μ(1−μ); default link logit. */
    BINOMIAL("binomial", Link.LOGIT, false),
    /** Counts; variance μ; default link log. */
    POISSON("poisson", Link.LOG, false),
    /** Positive amounts; variance μ²; dispersion estimated; default link inverse (statsmodels' inverse_power). */
    GAMMA("gamma", Link.INVERSE, true),
    /** Variance μ^p (p = variance power, default 1.5); dispersion estimated; default link log. */
    TWEEDIE("tweedie", Link.LOG, true),
    /** Counts, variance μ + αμ² with α fixed (default 1); default link log (statsmodels' default). */
    NEGATIVE_BINOMIAL("negative-binomial", Link.LOG, false);

    private final String cliName;
    private final Link defaultLink;
    private final boolean estimatesDispersion;

    Family(String cliName, Link defaultLink, boolean estimatesDispersion) {
        this.cliName = cliName;
        this.defaultLink = defaultLink;
        this.estimatesDispersion = estimatesDispersion;
    }

    /**
     * The name on the command line and in the model JSON.
     *
     * @return the lower-case name, e.g. {@code "negative-binomial"}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * statsmodels' default link of the family, used when none is given.
     *
     * @return identity, logit, log, inverse, log and log for Gaussian, binomial, Poisson, Gamma, Tweedie and
     *         negative binomial
     */
    public Link defaultLink() {
        return defaultLink;
    }

    /**
     * Whether the dispersion φ (statsmodels' {@code scale}) is estimated.
     *
     * @return true for Gaussian, Gamma and Tweedie (φ = Pearson χ² / residual df), false for binomial, Poisson
     *         and negative binomial (φ = 1)
     */
    public boolean estimatesDispersion() {
        return estimatesDispersion;
    }

    /**
     * The family of a command-line name; refuses an unknown one listing the names.
     *
     * @param name   the name, as {@link #cliName()}, in any case
     * @param option the option named in the error message (e.g. {@code "family"})
     * @return the family
     */
    public static Family of(String name, String option) {
        for (Family f : values()) {
            if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new io.gridlearn.OptionException(option, "must be one of " + names() + ", was '" + name + "'");
    }

    static String names() {
        return Arrays.stream(values()).map(Family::cliName).collect(Collectors.joining(", "));
    }

    static Family byCode(int code) {
        return values()[code];
    }

    static void checkCode(int code) {
        if (code < 0 || code >= values().length) {
            throw new BadInputException("unknown GLM family code " + code);
        }
    }
}
