package io.gridlearn.glm;

import io.gridlearn.pass.Missing;
import io.gridlearn.OptionException;

/**
 * Options of a GLM fit. The objective is
 * <pre>
 *   (1/Σf) Σᵢ fᵢ dᵢ / 2  +  λ [ (1−α)/2 ‖b‖²  +  α ‖b‖₁ ],
 * </pre>
 * dᵢ the family's unit deviance, fᵢ the frequency weight, the intercept unpenalised; with λ = 0 it is
 * maximum likelihood, as statsmodels' {@code GLM.fit()}.
 *
 * @param family        the response distribution
 * @param link          the link (default: the family's statsmodels default, {@link Family#defaultLink()})
 * @param variancePower Tweedie's p (V(μ) = μ^p), 0 or >= 1; NaN for other families
 * @param linkPower     the power q of {@link Link#POWER} (μ^q; 0 is log); NaN for other links
 * @param nbAlpha       the negative binomial's α (V(μ) = μ + αμ²), > 0; NaN for other families
 * @param offset        the offset column (added to the linear predictor), or null
 * @param weights       the frequency-weight column, or null
 * @param lambda        penalty strength >= 0
 * @param alpha         L1 share of the penalty in [0, 1]
 * @param maxIter       IRLS iterations at most, >= 1
 * @param tol           convergence: the largest change of a coefficient in a full IRLS step, relative to
 *                      1 + the largest coefficient, at most {@code tol}
 * @param missing       {@code error} or {@code skip} (rows with a non-finite feature)
 */
public record GlmOptions(Family family, Link link, double variancePower, double linkPower, double nbAlpha,
                         String offset, String weights, double lambda, double alpha, int maxIter, double tol,
                         String missing) {
    /** IRLS iterations at most unless given. */
    public static final int DEFAULT_MAX_ITER = 100;
    /** Tolerance on the relative IRLS step unless given. */
    public static final double DEFAULT_TOL = 1e-12;
    /** Tweedie's variance power p when none is given (between Poisson, p = 1, and Gamma, p = 2). */
    public static final double DEFAULT_VARIANCE_POWER = 1.5;
    /** The negative binomial's α when none is given (statsmodels' default). */
    public static final double DEFAULT_NB_ALPHA = 1.0;

    /**
     * Fills in the defaults (the family's link, or {@link Link#POWER} when only a link power is given; Tweedie's
     * p = 1.5; the negative binomial's α = 1; missing {@code error}) and checks every option, refusing with an
     * {@link OptionException} naming it: a variance power, α or link power that its family or link does not take,
     * a value out of range, or one column as both offset and weights.
     *
     * @param family        the response distribution, not null
     * @param link          the link, or null for the family's default ({@link Link#POWER} if a link power is given)
     * @param variancePower Tweedie's p, 0 or ≥ 1, NaN for 1.5; must be NaN for other families
     * @param linkPower     the exponent q of {@link Link#POWER}, finite; must be NaN for other links
     * @param nbAlpha       the negative binomial's α &gt; 0, NaN for 1; must be NaN for other families
     * @param offset        the offset column, or null
     * @param weights       the frequency-weight column, or null; not the offset column
     * @param lambda        penalty strength λ, finite, ≥ 0
     * @param alpha         the penalty's L1 share, in [0, 1]
     * @param maxIter       IRLS iterations at most, ≥ 1
     * @param tol           tolerance on the relative IRLS step, finite, &gt; 0
     * @param missing       {@code "error"} (or null) or {@code "skip"}
     */
    public GlmOptions {
        if (family == null) {
            throw new OptionException("family", "must be given: one of " + Family.names());
        }
        link = link == null ? (Double.isNaN(linkPower) ? family.defaultLink() : Link.POWER) : link;
        if (family == Family.TWEEDIE) {
            variancePower = Double.isNaN(variancePower) ? DEFAULT_VARIANCE_POWER : variancePower;
            if (!(variancePower == 0.0 || (variancePower >= 1.0 && Double.isFinite(variancePower)))) {
                throw new OptionException("variancePower", "must be 0 or a finite number >= 1 (Tweedie"
                        + " distributions exist for p = 0 and p >= 1), was " + variancePower);
            }
        } else if (!Double.isNaN(variancePower)) {
            throw new OptionException("variancePower", "is for the tweedie family only, not " + family.cliName());
        }
        if (family == Family.NEGATIVE_BINOMIAL) {
            nbAlpha = Double.isNaN(nbAlpha) ? DEFAULT_NB_ALPHA : nbAlpha;
            if (!(nbAlpha > 0.0) || Double.isInfinite(nbAlpha)) {
                throw new OptionException("nbAlpha", "must be a finite number > 0, was " + nbAlpha);
            }
        } else if (!Double.isNaN(nbAlpha)) {
            throw new OptionException("nbAlpha", "is for the negative-binomial family only, not " + family.cliName());
        }
        if (link == Link.POWER) {
            if (!Double.isFinite(linkPower)) {
                throw new OptionException("linkPower", "must be a finite number with link power (μ^q; 0 is the log"
                        + " link), was " + linkPower);
            }
        } else if (!Double.isNaN(linkPower)) {
            throw new OptionException("linkPower", "is for link power only, not link " + link.cliName());
        }
        if (offset != null && offset.equals(weights)) {
            throw new OptionException("offset", "and weights name the same column '" + offset + "'");
        }
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new OptionException("lambda", "must be a finite number >= 0 (0 = no penalty), was " + lambda);
        }
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new OptionException("alpha", "must be in [0, 1], was " + alpha);
        }
        if (maxIter < 1) {
            throw new OptionException("maxIter", "must be >= 1, was " + maxIter);
        }
        if (!(tol > 0.0) || Double.isInfinite(tol)) {
            throw new OptionException("tol", "must be a finite number > 0, was " + tol);
        }
        missing = Missing.checkIterative(missing == null ? Missing.ERROR : missing);
    }

    /**
     * Maximum likelihood with the family's default link, no offset or weights.
     *
     * @param family the response distribution, not null
     * @return the options with every other value at its default
     */
    public static GlmOptions of(Family family) {
        return new GlmOptions(family, null, Double.NaN, Double.NaN, Double.NaN, null, null, 0.0, 0.0,
                DEFAULT_MAX_ITER, DEFAULT_TOL, Missing.ERROR);
    }

    /**
     * The same options with another link; the link power is kept only for {@link Link#POWER}.
     *
     * @param l the link, or null for the family's default
     * @return new, checked options
     */
    public GlmOptions withLink(Link l) {
        return new GlmOptions(family, l, variancePower, l == Link.POWER ? linkPower : Double.NaN, nbAlpha, offset,
                weights, lambda, alpha, maxIter, tol, missing);
    }

    /**
     * The same options with another offset column.
     *
     * @param column the column added to the linear predictor, or null for none
     * @return new, checked options
     */
    public GlmOptions withOffset(String column) {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, column, weights, lambda, alpha,
                maxIter, tol, missing);
    }

    /**
     * The same options with another frequency-weight column.
     *
     * @param column the weight column (values finite, ≥ 0), or null for none
     * @return new, checked options
     */
    public GlmOptions withWeights(String column) {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, offset, column, lambda, alpha,
                maxIter, tol, missing);
    }

    /**
     * The same options with another Tweedie variance power.
     *
     * @param p p of V(μ) = μ^p: 0 or ≥ 1 for Tweedie, NaN for the default (other families)
     * @return new, checked options
     */
    public GlmOptions withVariancePower(double p) {
        return new GlmOptions(family, link, p, linkPower, nbAlpha, offset, weights, lambda, alpha, maxIter, tol,
                missing);
    }

    /**
     * The same options with another negative binomial α.
     *
     * @param a α of V(μ) = μ + αμ², &gt; 0, or NaN for the default (other families)
     * @return new, checked options
     */
    public GlmOptions withNbAlpha(double a) {
        return new GlmOptions(family, link, variancePower, linkPower, a, offset, weights, lambda, alpha, maxIter,
                tol, missing);
    }

    /**
     * The same options with another elastic-net penalty λ[(1−α)/2 ‖b‖² + α ‖b‖₁].
     *
     * @param l the strength λ ≥ 0 (0: maximum likelihood)
     * @param a the L1 share α in [0, 1]
     * @return new, checked options
     */
    public GlmOptions withPenalty(double l, double a) {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, offset, weights, l, a, maxIter, tol,
                missing);
    }

    /**
     * The same options with another iteration limit.
     *
     * @param n IRLS iterations at most, ≥ 1
     * @return new, checked options
     */
    public GlmOptions withMaxIter(int n) {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, offset, weights, lambda, alpha, n,
                tol, missing);
    }

    /**
     * The same options with another rule for rows with a non-finite feature.
     *
     * @param m {@code "error"} or {@code "skip"}; null for {@code "error"}
     * @return new, checked options
     */
    public GlmOptions withMissing(String m) {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, offset, weights, lambda, alpha,
                maxIter, tol, m);
    }

    boolean penalised() {
        return lambda > 0.0;
    }

    boolean skipMissing() {
        return Missing.SKIP.equals(missing);
    }

    /** The link power q of the model JSON: the power of power-family links, else null. */
    Double reportedLinkPower() {
        double q = link.power(linkPower);
        return Double.isNaN(q) ? null : q;
    }
}
