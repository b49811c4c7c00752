package io.gridlearn;

import io.gridlearn.glm.Family;
import io.gridlearn.glm.GlmOptions;
import io.gridlearn.glm.GlmSpec;
import io.gridlearn.glm.Link;

import java.util.List;

/**
 * A generalized linear model, as statsmodels' {@code GLM} (0.13): a {@link Family} (the response distribution)
 * and a {@link Link}, canonical or statsmodels' default unless given, fit by IRLS with one pass over the data per
 * iteration (exact sums of X'WX and X'Wz), step halving when the deviance rises. It minimises
 * <pre>
 *   (1/Σf) Σᵢ fᵢ dᵢ / 2  +  λ [ (1−α)/2 ‖b‖²  +  α ‖b‖₁ ],
 * </pre>
 * dᵢ the unit deviance and fᵢ the frequency weight (1 without {@link #weights}), the intercept unpenalised;
 * without a penalty the model reports statsmodels' standard errors (scaled by the Pearson χ²/df dispersion for
 * Gaussian, Gamma and Tweedie), z and p values, deviance, null deviance, Pearson χ², log-likelihood and AIC.
 * Every iteration is a checkpoint in the model store, from which a fit can resume.
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class Glm extends BuiltInSpec {
    final Family family;
    String target;
    List<String> features;
    Link link;
    double linkPower = Double.NaN;
    double variancePower = Double.NaN;
    double nbAlpha = Double.NaN;
    String offset;
    String weights;
    double lambda;
    double alpha;
    int maxIter = GlmOptions.DEFAULT_MAX_ITER;
    double tol = GlmOptions.DEFAULT_TOL;
    Missing missing = Missing.ERROR;

    private Glm(Family family) {
        this.family = family;
    }

    /**
     * Maximum likelihood for {@code family} with its default link: the last column as the response, every other
     * column (but the offset and the weights, if given) as a feature.
     *
     * @param family the response distribution, not null
     * @return a spec with the defaults (no penalty, 100 iterations, tol 1e-12, missing values an error)
     */
    public static Glm of(Family family) {
        return new Glm(Checks.given("Glm.of(family)", "family", family));
    }

    private Glm copy() {
        Glm c = new Glm(family);
        c.target = target;
        c.features = features;
        c.link = link;
        c.linkPower = linkPower;
        c.variancePower = variancePower;
        c.nbAlpha = nbAlpha;
        c.offset = offset;
        c.weights = weights;
        c.lambda = lambda;
        c.alpha = alpha;
        c.maxIter = maxIter;
        c.tol = tol;
        c.missing = missing;
        return c;
    }

    /**
     * The response column (default: the dataset's last column).
     *
     * @param column name of a numeric column whose values lie in the family's support
     * @return a copy with that response
     */
    public Glm target(String column) {
        Glm c = copy();
        c.target = Checks.given("Glm.target(column)", "column", column);
        return c;
    }

    /**
     * The feature columns (default: every column but the target, the offset and the weights).
     *
     * @param columns names of the features, in the order of the coefficients; none may be the offset or weights
     * @return a copy with those features
     */
    public Glm features(String... columns) {
        Glm c = copy();
        c.features = Checks.columns("Glm.features(columns)", columns);
        return c;
    }

    /**
     * The link g, η = g(μ) (default: the family's, as statsmodels); for {@link Link#POWER} use
     * {@link #powerLink}.
     *
     * @param l any link but {@link Link#POWER}
     * @return a copy with that link (and no link power)
     */
    public Glm link(Link l) {
        Checks.given("Glm.link(link)", "link", l);
        if (l == Link.POWER) {
            throw new BadInputException("Glm.link(link): Link.POWER needs its power; use powerLink(q)");
        }
        Glm c = copy();
        c.link = l;
        c.linkPower = Double.NaN;
        return c;
    }

    /**
     * The power link g(μ) = μ^q (q = 0 is the log link).
     *
     * @param q the exponent, finite (1 is identity, −1 inverse, ½ sqrt)
     * @return a copy with {@link Link#POWER} and that exponent
     */
    public Glm powerLink(double q) {
        if (!Double.isFinite(q)) {
            throw new BadInputException("Glm.powerLink(q): q must be a finite number, was " + q);
        }
        Glm c = copy();
        c.link = Link.POWER;
        c.linkPower = q;
        return c;
    }

    /**
     * Tweedie's variance power p, V(μ) = μ^p (default 1.5); Family.TWEEDIE only.
     *
     * @param p 0 (normal) or finite ≥ 1 (1 Poisson, 2 Gamma; between them compound Poisson–Gamma)
     * @return a copy with that variance power
     */
    public Glm variancePower(double p) {
        if (family != Family.TWEEDIE) {
            throw new BadInputException("Glm.variancePower(p): only for Family.TWEEDIE, this is Family." + family.name());
        }
        if (!(p == 0.0 || (p >= 1.0 && Double.isFinite(p)))) {
            throw new BadInputException("Glm.variancePower(p): p must be 0 or a finite number >= 1, was " + p);
        }
        Glm c = copy();
        c.variancePower = p;
        return c;
    }

    /**
     * The negative binomial's α, V(μ) = μ + αμ², held fixed, not estimated (default 1);
     * Family.NEGATIVE_BINOMIAL only.
     *
     * @param a the dispersion α, finite and &gt; 0
     * @return a copy with that α
     */
    public Glm nbAlpha(double a) {
        if (family != Family.NEGATIVE_BINOMIAL) {
            throw new BadInputException("Glm.nbAlpha(alpha): only for Family.NEGATIVE_BINOMIAL, this is Family."
                    + family.name());
        }
        Glm c = copy();
        c.nbAlpha = Checks.positive("Glm.nbAlpha(alpha)", "alpha", a);
        return c;
    }

    /**
     * A column added to the linear predictor, η = b₀ + x·b + offset, with coefficient fixed at 1 (e.g. log
     * exposure under a log link). A model fit with an offset cannot be used by {@code predict} yet.
     *
     * @param column name of a numeric column with finite values, not the target or the weight column
     * @return a copy with that offset
     */
    public Glm offset(String column) {
        Glm c = copy();
        c.offset = Checks.given("Glm.offset(column)", "column", column);
        if (c.offset.equals(weights)) {
            throw new BadInputException("Glm.offset(column): '" + column + "' is already the weight column");
        }
        return c;
    }

    /**
     * Frequency weights (statsmodels' {@code freq_weights}): a weight of 2 counts the row twice, 0 leaves it out,
     * and the residual degrees of freedom are Σw − parameters.
     *
     * @param column name of a numeric column with finite values ≥ 0, not the target or the offset column
     * @return a copy with those weights
     */
    public Glm weights(String column) {
        Glm c = copy();
        c.weights = Checks.given("Glm.weights(column)", "column", column);
        if (c.weights.equals(offset)) {
            throw new BadInputException("Glm.weights(column): '" + column + "' is already the offset column");
        }
        return c;
    }

    /**
     * An elastic-net penalty λ[(1−α)/2 ‖b‖² + α ‖b‖₁] added to the mean half deviance, the intercept
     * unpenalised; an L1 part is solved by coordinate descent. A penalised fit reports no standard errors.
     *
     * @param lambda the strength λ, finite and ≥ 0 (0: maximum likelihood)
     * @param alpha  the L1 share α, in [0, 1] (0: ridge, 1: lasso)
     * @return a copy with that penalty
     */
    public Glm penalty(double lambda, double alpha) {
        Glm c = copy();
        c.lambda = Checks.nonNegative("Glm.penalty(lambda, alpha)", "lambda", lambda);
        c.alpha = Checks.unit("Glm.penalty(lambda, alpha)", "alpha", alpha);
        return c;
    }

    /**
     * A ridge penalty (λ/2) ‖b‖², the same as {@code penalty(lambda, 0)}.
     *
     * @param lambda the strength λ, finite and ≥ 0
     * @return a copy with that penalty
     */
    public Glm l2(double lambda) {
        return penalty(lambda, 0);
    }

    /**
     * When IRLS stops: converged once the largest coefficient change of a full step, relative to 1 + the largest
     * coefficient, is at most {@code tol}; a fit not converged after {@code maxIter} iterations fails (and can be
     * resumed from its last checkpoint).
     *
     * @param maxIter IRLS iterations at most, ≥ 1 (default 100; step halvings do not count)
     * @param tol     the tolerance on the relative step, &gt; 0 (default 1e-12)
     * @return a copy with those limits
     */
    public Glm limits(int maxIter, double tol) {
        Glm c = copy();
        c.maxIter = Checks.atLeast("Glm.limits(maxIter, tol)", "maxIter", 1, maxIter);
        c.tol = Checks.positive("Glm.limits(maxIter, tol)", "tol", tol);
        return c;
    }

    /**
     * What to do with rows whose features are not finite (missing response, weight or offset values are always an
     * error).
     *
     * @param rule {@link Missing#ERROR} (default: refuse, naming the first such row) or {@link Missing#SKIP}
     *             (leave the rows out and report their count); not {@link Missing#MEAN}
     * @return a copy with that rule
     */
    public Glm missing(Missing rule) {
        Checks.given("Glm.missing(rule)", "rule", rule);
        if (rule == Missing.MEAN) {
            throw new BadInputException("Glm.missing(rule): Missing.MEAN is for the linear family; use ERROR or SKIP");
        }
        Glm c = copy();
        c.missing = rule;
        return c;
    }

    GlmOptions options() {
        return new GlmOptions(family, link, variancePower, linkPower, nbAlpha, offset, weights, lambda, alpha,
                maxIter, tol, missing.id());
    }

    @Override
    GlmSpec toSpec() {
        return new GlmSpec(target, features, options(), 42);
    }

    @Override
    public String algorithm() {
        return "glm";
    }
}
