package io.gridlearn.tree;

import io.gridlearn.OptionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The loss a gradient-boosted ensemble minimises, with XGBoost 1.7's names, gradients and base score.
 *
 * <p>The model's raw score (the margin) is m(x) = m₀ + Σₜ fₜ(x), m₀ the base margin. For each row the trainer
 * needs the first and second derivatives of the loss l(y, m) in m, g = ∂l/∂m and h = ∂²l/∂m² (Chen &amp;
 * Guestrin 2016, eq. 2–3):
 * <ul>
 *   <li>{@link #SQUARED_ERROR} ({@code reg:squarederror}): l = ½(m − y)², g = m − y, h = 1; prediction m;
 *       base score 0.5, base margin 0.5;</li>
 *   <li>{@link #LOGISTIC} ({@code binary:logistic}): p = σ(m) = 1/(1 + e^{−m}), l = −y log p − (1−y) log(1−p),
 *       g = p − y, h = max(p(1 − p), 10⁻¹⁶) (XGBoost's floor, {@code LogisticRegression::SecondOrderGradient});
 *       prediction p; base score 0.5, base margin logit(0.5) = 0;</li>
 *   <li>{@link #SOFTMAX} ({@code multi:softprob}): K classes 0 … K−1, one margin m_k per class, each the sum of
 *       its own trees (tree t of the model belongs to class t mod K); p = softmax(m), l = −log p_y,
 *       g_k = p_k − [y = k], h_k = max(2 p_k (1 − p_k), 10⁻¹⁶) (XGBoost's {@code SoftmaxMultiClassObj}, whose
 *       Hessian carries the factor 2); prediction the class of the largest p_k and p; base score 0.5, base
 *       margin 0.5 for every class (softmax is unchanged by a common shift).</li>
 * </ul>
 * XGBoost 1.7's {@code base_score} default is 0.5 for both (2.0 estimates it from the data; 1.7 does not).
 */
public enum Objective {
    /** Regression, squared error. */
    SQUARED_ERROR("squared-error"),
    /** Binary classification, log loss; labels in [0, 1]. */
    LOGISTIC("logistic"),
    /** Multiclass classification, multinomial log loss; labels the integers 0 … K−1 (after {@link #LOGISTIC}:
     * the ordinal is serialized). */
    SOFTMAX("softmax");

    /** XGBoost 1.7's default {@code base_score}. */
    public static final double BASE_SCORE = 0.5;
    /** XGBoost's floor on the logistic Hessian ({@code kRtEps}-like, 1e-16). */
    static final double MIN_HESSIAN = 1e-16;

    private final String cliName;

    Objective(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name on the command line and in the model JSON.
     *
     * @return {@code squared-error}, {@code logistic} or {@code softmax}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The objective of a name.
     *
     * @param name   {@code squared-error}, {@code logistic} or {@code softmax} (any case)
     * @param option the option's Java name, for the message
     * @return the objective
     * @throws OptionException naming the option when the name is unknown
     */
    public static Objective of(String name, String option) {
        for (Objective o : values()) {
            if (o.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new OptionException(option, "must be one of " + names() + ", was '" + name + "'");
    }

    static String names() {
        return Arrays.stream(values()).map(Objective::cliName).collect(Collectors.joining(", "));
    }

    /**
     * The base margin m₀ from a base score: the score itself for squared error and softmax (every class's), its
     * logit for logistic.
     *
     * @param baseScore the base score (0.5 unless given)
     * @return m₀
     */
    public double baseMargin(double baseScore) {
        return this == LOGISTIC ? Math.log(baseScore / (1 - baseScore)) : baseScore;
    }

    /**
     * The logistic function, evaluated without overflow.
     *
     * @param m a margin
     * @return σ(m) = 1/(1 + e^{−m})
     */
    static double sigmoid(double m) {
        return m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
    }

    /**
     * The prediction from a margin: m for squared error, σ(m) for logistic.
     *
     * @param margin the raw score m
     * @return the prediction
     */
    public double transform(double margin) {
        requireScalar();
        return this == LOGISTIC ? sigmoid(margin) : margin;
    }

    /**
     * g = ∂l/∂m at margin m for label y.
     *
     * @param margin the current margin
     * @param y      the label
     * @return the gradient
     */
    double gradient(double margin, double y) {
        requireScalar();
        return this == LOGISTIC ? sigmoid(margin) - y : margin - y;
    }

    /**
     * h = ∂²l/∂m² at margin m.
     *
     * @param margin the current margin
     * @return the Hessian, positive
     */
    double hessian(double margin) {
        requireScalar();
        if (this == LOGISTIC) {
            double p = sigmoid(margin);
            return Math.max(p * (1 - p), MIN_HESSIAN);
        }
        return 1.0;
    }

    /**
     * An upper bound on |h| over every row: 1/4 for logistic, 1/2 for softmax (2p(1 − p) ≤ ½), 1 for squared error.
     *
     * @return the bound
     */
    double hessianBound() {
        return switch (this) {
            case LOGISTIC -> 0.25;
            case SOFTMAX -> 0.5;
            case SQUARED_ERROR -> 1.0;
        };
    }

    /**
     * Whether the objective is a classifier's (logistic or softmax).
     *
     * @return true for logistic and softmax
     */
    public boolean classifies() {
        return this != SQUARED_ERROR;
    }

    /**
     * Softmax's gradient in class k's margin: p_k − [y = k].
     *
     * @param pk      the row's probability of class k
     * @param isClass whether the row's label is k
     * @return g_k
     */
    static double softmaxGradient(double pk, boolean isClass) {
        return isClass ? pk - 1 : pk;
    }

    /**
     * Softmax's Hessian in class k's margin, XGBoost's diagonal 2 p_k (1 − p_k), floored at 10⁻¹⁶.
     *
     * @param pk the row's probability of class k
     * @return h_k
     */
    static double softmaxHessian(double pk) {
        return Math.max(2 * pk * (1 - pk), MIN_HESSIAN);
    }

    private void requireScalar() {
        if (this == SOFTMAX) {
            throw new IllegalStateException("softmax has one margin per class: see softmaxGradient/softmaxHessian");
        }
    }
}
