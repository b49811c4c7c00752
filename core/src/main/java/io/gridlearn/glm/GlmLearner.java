package io.gridlearn.glm;

import io.gridlearn.BadInputException;
import io.gridlearn.PredictionType;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.InputColumn;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.report.ReportSection;
import io.gridlearn.pass.Weights;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerOption.Type;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.runtime.OptionValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gridlearn.model.ModelValidation.need;
import static io.gridlearn.model.ModelValidation.vector;

/**
 * Generalized linear models ({@code glm}) in the learner runtime: Gaussian, binomial, Poisson, Gamma, Tweedie
 * and negative binomial families with statsmodels' links and defaults, fit by IRLS ({@link GlmTrainer}). A
 * model predicts the mean response μ = g⁻¹(η) or, on the link scale, the linear predictor η = b₀ + x·b + offset;
 * a model fit with an offset reads the offset column of the data it scores ({@link #inputs}). {@code evaluate}
 * reports the mean deviance and the family's metrics ({@link GlmEvaluation}); {@code report} adds deviance
 * residuals against fitted means and a calibration chart ({@link GlmReport}).
 */
public final class GlmLearner implements Learner {
    /** The algorithm name, as in {@code fit glm} and the model JSON. */
    public static final String ALGORITHM = "glm";

    @Override
    public List<String> algorithms() {
        return List.of(ALGORITHM);
    }

    @Override
    public String description() {
        return "generalized linear models (gaussian, binomial, poisson, gamma, tweedie, negative-binomial) by IRLS,"
                + " one pass per iteration, as statsmodels' GLM; offsets and frequency weights";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(
                LearnerOption.of("family", Type.STRING, "NAME", "Response distribution: " + Family.names()
                        + " (required)."),
                LearnerOption.of("link", Type.STRING, "NAME", "Link: " + Link.names() + " (default: the family's,"
                        + " as statsmodels: identity, logit, log, inverse, log, log)."),
                LearnerOption.of("variancePower", Type.DOUBLE, "P", "Tweedie variance power p, 0 or >= 1 (default 1.5)."),
                LearnerOption.of("linkPower", Type.DOUBLE, "Q", "Power of link power, μ^Q (0 is log)."),
                LearnerOption.of("nbAlpha", Type.DOUBLE, "A", "Negative binomial α, variance μ + αμ² (default 1)."),
                LearnerOption.of("offset", Type.STRING, "COL", "Column added to the linear predictor (e.g. log exposure)."),
                LearnerOption.of(Weights.OPTION, Type.STRING, "COL", Weights.DESCRIPTION),
                LearnerOption.of("lambda", Type.DOUBLE, "L", "Penalty strength λ >= 0 (default 0: maximum likelihood)."),
                LearnerOption.of("alpha", Type.DOUBLE, "A", "L1 share of the penalty, in [0, 1] (default 0)."),
                LearnerOption.of("maxIter", Type.INT, "N", "Iterations at most (default 100)."),
                LearnerOption.of("tol", Type.DOUBLE, "T", "Convergence tolerance on the relative IRLS step (default 1e-12)."));
    }

    @Override
    public boolean supervised(String algorithm) {
        return true;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        v.refuse(algorithm, "it is fit on every row; evaluate it with 'evaluate' on held-out data",
                "testFraction", "folds", "path");
        v.refuse(algorithm, "only the linear family and kmeans keep live models", "live");
        if (!v.has("family")) {
            throw new BadInputException("fit glm needs --family: one of " + Family.names());
        }
        Family family = Family.of(v.string("family", null), "family");
        Link link = v.has("link") ? Link.of(v.string("link", null), "link") : null;
        GlmOptions o = new GlmOptions(family, link, v.doubleValue("variancePower", Double.NaN),
                v.doubleValue("linkPower", Double.NaN), v.doubleValue("nbAlpha", Double.NaN),
                v.string("offset", null), v.string("weights", null), v.doubleValue("lambda", 0.0),
                v.doubleValue("alpha", 0.0), v.intValue("maxIter", GlmOptions.DEFAULT_MAX_ITER),
                v.doubleValue("tol", GlmOptions.DEFAULT_TOL), v.string("missing", "error"));
        return new GlmSpec(v.string("target", null), v.strings("features"), o, v.longValue("seed", 42L));
    }

    @Override
    public RowPredictor predictor(ModelDocument m) {
        return predictor(m, PredictionType.RESPONSE);
    }

    /**
     * The mean response μ = g⁻¹(η) ({@link PredictionType#RESPONSE}) or the linear predictor η
     * ({@link PredictionType#LINK}), with η = b₀ + x·b (one fused multiply-add per feature, in feature order) plus,
     * for a model fit with an offset, the row's offset, which follows the features in the row
     * ({@link #inputs}). The response is g⁻¹ of the same η bits, so the two scales agree wherever they are
     * computed.
     */
    @Override
    public RowPredictor predictor(ModelDocument m, PredictionType type) {
        RowPredictor eta = linearPredictor(m);
        if (type == PredictionType.LINK) {
            return eta;
        }
        Distribution d = distribution(m);
        return x -> d.inverse(eta.predict(x));
    }

    /** η = b₀ + x·b (+ x[p], the offset, for a model fit with one). */
    private static RowPredictor linearPredictor(ModelDocument m) {
        double b0 = m.intercept();
        double[] b = m.coefficients();
        Object offset = m.extension("offset");
        if (offset == null) {
            return x -> Predictors.dot(b0, b, x);
        }
        int p = b.length;
        return x -> {
            if (x.length <= p) {
                throw new BadInputException("a glm model fit with offset '" + offset + "' predicts from its " + p
                        + " features followed by the offset: rows of " + (p + 1) + " values, got " + x.length);
            }
            return Predictors.dot(b0, b, x) + x[p];
        };
    }

    /** A model fit with an offset reads the offset column, by the name in its {@code offset}, after its features. */
    @Override
    public List<InputColumn> inputs(ModelDocument m) {
        Object offset = m.extension("offset");
        if (offset == null) {
            return List.of();
        }
        return List.of(new InputColumn(String.valueOf(offset), "the offset the model was fit with, added to its"
                + " linear predictor η = b₀ + x·b + offset (a glm model fit with an offset scores only data that has"
                + " that column)"));
    }

    /**
     * Mean deviance and the family's metrics, from exact sums next to the data ({@link GlmEvaluation}).
     */
    @Override
    public Optional<Map<String, Object>> evaluate(ModelDocument m, PassRunner runner, DatasetSchema schema) {
        return Optional.of(GlmEvaluation.evaluate(m, runner, schema));
    }

    @Override
    public Optional<ReportSection> report() {
        return Optional.of(new GlmReport());
    }

    /**
     * The mean response of one row with its offset: g⁻¹(b₀ + x·b + offset), the same bits as the model's
     * response predictor given the row's features followed by its offset.
     *
     * @param m      a glm model (its family, link, intercept and coefficients)
     * @param x      the row's feature values, in the order of {@code m.features()}
     * @param offset the row's offset, on the scale of the linear predictor (e.g. log exposure)
     * @return the fitted mean μ, on the response's scale (a probability for binomial, a rate × exposure for
     *         Poisson with a log-exposure offset)
     */
    public static double predictMean(ModelDocument m, double[] x, double offset) {
        return distribution(m).inverse(Predictors.dot(m.intercept(), m.coefficients(), x) + offset);
    }

    static Distribution distribution(ModelDocument m) {
        Family f = Family.of(String.valueOf(m.extension("family")), "family");
        Link l = Link.of(String.valueOf(m.extension("link")), "link");
        return new Distribution(f, l, number(m.extension("variancePower")), number(m.extension("linkPower")),
                number(m.extension("nbAlpha")));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @Override
    public void validate(ModelDocument m, String origin) {
        need(m.intercept() != null && m.coefficients() != null, origin, ALGORITHM, "intercept and coefficients");
        vector(m.coefficients(), m.features().size(), origin, "coefficients");
        need(m.extension("family") instanceof String && m.extension("link") instanceof String, origin, ALGORITHM,
                "\"family\" and \"link\"");
        try {
            distribution(m);
        } catch (BadInputException e) {
            need(false, origin, ALGORITHM, "a known family and link (" + e.getMessage() + ")");
        }
        if ("tweedie".equals(m.extension("family"))) {
            need(m.extension("variancePower") instanceof Number, origin, ALGORITHM, "a numeric \"variancePower\"");
        }
        if ("power".equals(m.extension("link"))) {
            need(m.extension("linkPower") instanceof Number, origin, ALGORITHM, "a numeric \"linkPower\"");
        }
        if ("negative-binomial".equals(m.extension("family"))) {
            need(m.extension("nbAlpha") instanceof Number, origin, ALGORITHM, "a numeric \"nbAlpha\"");
        }
    }
}
