package io.gridlearn;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A trained model: an immutable value holding the model document of the public contract (algorithm, features,
 * parameters, metrics, provenance), which predicts locally without a grid. Predictions are computed with the
 * same arithmetic as in the grid (fused multiply-adds in feature order), so they are the same bits.
 */
public final class Model {
    private final ModelDocument document;
    private volatile RowPredictor predictor;

    /** Wraps a model document. */
    public Model(ModelDocument document) {
        this.document = Checks.given("new Model(document)", "document", document);
    }

    /** A model from its JSON (as {@link #toJson()} writes it); refuses a malformed or newer-format document. */
    public static Model fromJson(String json) {
        return new Model(ModelJson.read(json, "Model.fromJson(json)"));
    }

    /** A model from a JSON file. */
    public static Model read(Path file) {
        return new Model(ModelJson.read(file));
    }

    /** Writes the model JSON to a file (atomically: a temporary file renamed over it). */
    public void write(Path file) {
        ModelJson.write(document, file);
    }

    /** The model JSON of the public contract ({@code gridlearn-model/1}), one line. */
    public String toJson() {
        return ModelJson.write(document);
    }

    /** The model document. */
    public ModelDocument document() {
        return document;
    }

    /** The model's name in the store (null before it is published). */
    public String name() {
        return document.name();
    }

    /** The version in the store (0 before it is published). */
    public long version() {
        return document.version();
    }

    /** The algorithm, e.g. {@code linear}, {@code kmeans}. */
    public String algorithm() {
        return document.algorithm();
    }

    /** The target column, or null for unsupervised models. */
    public String target() {
        return document.target();
    }

    /** The feature names, in the order of the coefficients. */
    public List<String> features() {
        return document.features();
    }

    /** The intercept of a linear-family or binary logistic model, or null. */
    public Double intercept() {
        return document.intercept();
    }

    /** The coefficients of a linear-family or binary logistic model, in feature order, or null. */
    public double[] coefficients() {
        return document.coefficients() == null ? null : document.coefficients().clone();
    }

    /** Metrics by split ({@code train}, {@code test}, {@code cv}) and name. */
    public Map<String, Map<String, Double>> metrics() {
        return document.metrics();
    }

    /**
     * The prediction for one row: the predicted value, class label or cluster index.
     *
     * @param row a value for every feature, by name (other entries are ignored); a missing or non-finite value
     *            is filled by the model's imputation where it has one ({@code Missing.MEAN}), refused otherwise
     */
    public double predict(Map<String, Double> row) {
        return predictor().predict(features(row));
    }

    /** Class probabilities of one row for a classifier, in the order of the model's classes. */
    public double[] probabilities(Map<String, Double> row) {
        return predictor().probabilities(features(row));
    }

    private RowPredictor predictor() {
        RowPredictor p = predictor;
        if (p == null) {
            predictor = p = Predictors.of(document);
        }
        return p;
    }

    private double[] features(Map<String, Double> row) {
        Checks.given("Model.predict(row)", "row", row);
        List<String> names = features();
        double[] x = new double[names.size()];
        for (int j = 0; j < x.length; j++) {
            Double v = row.get(names.get(j));
            if (!row.containsKey(names.get(j))) {
                throw new BadInputException("Model.predict(row): the row has no value for feature '" + names.get(j)
                        + "'; the model needs " + String.join(", ", names));
            }
            x[j] = v == null ? Double.NaN : v;
            if (!Double.isFinite(x[j]) && document.imputation() == null) {
                throw new BadInputException("Model.predict(row): feature '" + names.get(j) + "' is " + v
                        + " and the model fills no missing values (fit it with Missing.MEAN for that)");
            }
        }
        if (document.imputation() != null) {
            document.imputation().fill(x);
        }
        return x;
    }

    @Override
    public String toString() {
        return "Model[" + algorithm() + (name() == null ? "" : " " + name() + " v" + version()) + "]";
    }
}
