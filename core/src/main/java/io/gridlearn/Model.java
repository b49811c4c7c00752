package io.gridlearn;

import io.gridlearn.model.InputColumn;
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

    /**
     * Wraps a model document.
     *
     * @param document the model document, not null
     */
    public Model(ModelDocument document) {
        this.document = Checks.given("new Model(document)", "document", document);
    }

    /**
     * A model from its JSON (as {@link #toJson()} writes it); refuses a malformed or newer-format document.
     *
     * @param json the model JSON, format {@code gridlearn-model/1}
     * @return the model it describes
     */
    public static Model fromJson(String json) {
        return new Model(ModelJson.read(json, "Model.fromJson(json)"));
    }

    /**
     * A model from a JSON file.
     *
     * @param file a model JSON file
     * @return the model it describes
     */
    public static Model read(Path file) {
        return new Model(ModelJson.read(file));
    }

    /**
     * Writes the model JSON to a file (atomically: a temporary file renamed over it).
     *
     * @param file the file to write, replaced if it exists
     */
    public void write(Path file) {
        ModelJson.write(document, file);
    }

    /**
     * The model JSON of the public contract ({@code gridlearn-model/1}), one line.
     *
     * @return the model JSON on one line
     */
    public String toJson() {
        return ModelJson.write(document);
    }

    /**
     * The model document.
     *
     * @return the model document of the public contract
     */
    public ModelDocument document() {
        return document;
    }

    /**
     * The model's name in the store (null before it is published).
     *
     * @return the name, or null
     */
    public String name() {
        return document.name();
    }

    /**
     * The version in the store (0 before it is published).
     *
     * @return the version, at least 1 once published
     */
    public long version() {
        return document.version();
    }

    /**
     * The algorithm, e.g. {@code linear}, {@code kmeans}.
     *
     * @return the algorithm's name as in the model JSON
     */
    public String algorithm() {
        return document.algorithm();
    }

    /**
     * The target column, or null for unsupervised models.
     *
     * @return the target column's name, or null
     */
    public String target() {
        return document.target();
    }

    /**
     * The feature names, in the order of the coefficients.
     *
     * @return the feature names, one per coefficient
     */
    public List<String> features() {
        return document.features();
    }

    /**
     * The intercept of a linear-family or binary logistic model, or null.
     *
     * @return the intercept, or null for other models
     */
    public Double intercept() {
        return document.intercept();
    }

    /**
     * The coefficients of a linear-family or binary logistic model, in feature order, or null.
     *
     * @return a copy of the coefficients (one per feature), or null for other models
     */
    public double[] coefficients() {
        return document.coefficients() == null ? null : document.coefficients().clone();
    }

    /**
     * Metrics by split ({@code train}, {@code test}, {@code cv}) and name.
     *
     * @return the metrics: split, then metric name, to value
     */
    public Map<String, Map<String, Double>> metrics() {
        return document.metrics();
    }

    /**
     * The prediction for one row: the predicted value (a GLM's mean response), class label or cluster index.
     *
     * @param row a value for every feature, by name (other entries are ignored); a missing or non-finite value
     *            is filled by the model's imputation where it has one ({@code Missing.MEAN}), refused otherwise.
     *            A model that reads columns besides its features (a GLM fit with an offset reads the offset
     *            column, by its name in the model's {@code offset}) needs a finite value for each of them too
     * @return the predicted value, class label or cluster index
     */
    public double predict(Map<String, Double> row) {
        return predictor().predict(inputs(row, "Model.predict(row)"));
    }

    /**
     * The prediction for one row on the given scale: {@link PredictionType#RESPONSE} as {@link #predict(Map)};
     * {@link PredictionType#LINK} the linear predictor η = b₀ + x·b (+ offset) of a model with a link scale (a
     * GLM: η, whose inverse link is the mean response; binary logistic: the log-odds; the linear family: ŷ
     * itself), refused for other models naming their algorithm.
     *
     * @param row  a value for every feature, and for every extra input column of the model (a GLM fit with an
     *             offset: the offset column), by name, as for {@link #predict(Map)}
     * @param type the scale, not null
     * @return the prediction on that scale
     */
    public double predict(Map<String, Double> row, PredictionType type) {
        Checks.given("Model.predict(row, type)", "type", type);
        if (type == PredictionType.RESPONSE) {
            return predictor().predict(inputs(row, "Model.predict(row, type)"));
        }
        RowPredictor p;
        try {
            p = Predictors.of(document, type);
        } catch (BadInputException e) {
            throw new BadInputException("Model.predict(row, type): " + e.getMessage());
        }
        return p.predict(inputs(row, "Model.predict(row, type)"));
    }

    /**
     * Class probabilities of one row for a classifier, in the order of the model's classes.
     *
     * @param row a value for every feature, by name, as for {@link #predict(Map)}
     * @return one probability per class, in the order of the model's classes; null for a model that is not a classifier
     */
    public double[] probabilities(Map<String, Double> row) {
        return predictor().probabilities(inputs(row, "Model.probabilities(row)"));
    }

    private RowPredictor predictor() {
        RowPredictor p = predictor;
        if (p == null) {
            predictor = p = Predictors.of(document);
        }
        return p;
    }

    /** The row's features, filled by the imputation, then its extra inputs (never filled: they must be finite). */
    private double[] inputs(Map<String, Double> row, String method) {
        Checks.given(method, "row", row);
        List<String> names = features();
        List<InputColumn> extra = Predictors.inputs(document);
        double[] x = new double[names.size() + extra.size()];
        for (int j = 0; j < names.size(); j++) {
            Double v = row.get(names.get(j));
            if (!row.containsKey(names.get(j))) {
                throw new BadInputException(method + ": the row has no value for feature '" + names.get(j)
                        + "'; the model needs " + String.join(", ", names));
            }
            x[j] = v == null ? Double.NaN : v;
            if (!Double.isFinite(x[j]) && document.imputation() == null) {
                throw new BadInputException(method + ": feature '" + names.get(j) + "' is " + v
                        + " and the model fills no missing values (fit it with Missing.MEAN for that)");
            }
        }
        if (document.imputation() != null) {
            double[] f = java.util.Arrays.copyOf(x, names.size());
            document.imputation().fill(f);
            System.arraycopy(f, 0, x, 0, f.length);
        }
        for (int k = 0; k < extra.size(); k++) {
            InputColumn in = extra.get(k);
            Double v = row.get(in.name());
            if (v == null || !Double.isFinite(v)) {
                throw new BadInputException(method + ": the row " + (row.containsKey(in.name()) ? "has " + v
                        + " for" : "has no value for") + " '" + in.name() + "', which the model needs: " + in.role()
                        + "; it must be a finite number");
            }
            x[names.size() + k] = v;
        }
        return x;
    }

    @Override
    public String toString() {
        return "Model[" + algorithm() + (name() == null ? "" : " " + name() + " v" + version()) + "]";
    }
}
