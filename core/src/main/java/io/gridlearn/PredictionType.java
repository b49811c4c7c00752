package io.gridlearn;

import java.util.Locale;

/**
 * The scale a prediction is given on, as R's {@code predict(type = …)}, statsmodels'
 * {@code predict(linear=…)} and Spark's {@code predictionCol} / {@code linkPredictionCol}. For a model with a
 * linear predictor η = b₀ + x·b (+ offset) and a link g, the response is μ = g⁻¹(η) and the link scale is η
 * itself:
 * <ul>
 *   <li>generalized linear models: μ = g⁻¹(η), the mean response, and η (log rate for Poisson-log, log-odds for
 *       binomial-logit, …);</li>
 *   <li>linear family: the identity link, so both scales are ŷ = b₀ + x·b;</li>
 *   <li>binary logistic regression: the response is the predicted class label (as before), the link scale the
 *       log-odds of the second class, η = b₀ + x·b;</li>
 *   <li>every other model (softmax, k-means, PCA, naive Bayes): the response only; {@link #LINK} is refused
 *       naming the model's algorithm, since it has no single linear predictor.</li>
 * </ul>
 * The learner decides ({@link io.gridlearn.runtime.Learner#predictor(io.gridlearn.model.ModelDocument,
 * PredictionType)}); the command line's {@code predict --type response|link} and the Java API's
 * {@link Model#predict(java.util.Map, PredictionType)} and
 * {@link Gridlearn#predictInto(Model, Dataset, String, PredictionType)} pass it through.
 */
public enum PredictionType {
    /** On the response's scale (the default): the mean response μ = g⁻¹(η), a value, a label or a cluster. */
    RESPONSE,
    /** On the link scale: the linear predictor η = b₀ + x·b (+ offset). */
    LINK;

    /**
     * The name on the command line ({@code response}, {@code link}).
     *
     * @return the lower-case name of the constant
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named {@code response} or {@code link} (any case), as {@code predict --type} takes it.
     *
     * @param name the name
     * @return the type
     * @throws OptionException naming the option {@code type} when the name is neither
     */
    public static PredictionType of(String name) {
        for (PredictionType t : values()) {
            if (t.id().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new OptionException("type", "must be response or link, was " + name);
    }
}
