package io.gridlearn.model;

import io.gridlearn.PredictionType;

/**
 * A model bound to the columns of a data source: gathers one row of inputs, in the model's order — its features,
 * then the extra input columns its learner names ({@link Predictors#inputs}, a GLM's offset) — from a
 * column-major block ({@code v[c × n + r]}), fills the non-finite features by the model's {@link Imputation} when
 * it has one (extra inputs are never filled), and scores the row with the model's {@link RowPredictor} on the
 * bound scale ({@link PredictionType}). This is the one place where every row scorer — {@code predict} locally
 * and in the grid, {@code evaluate}, the report's score histograms — turns a stored row into the values it
 * predicts from, so they all predict the same bits on the same row.
 *
 * <p>Immutable and safe to share between threads; the row buffer belongs to the caller ({@link #newRow}),
 * one per thread, reused from row to row.
 */
public final class BoundPredictor {
    private final RowPredictor predictor;
    /** Fill value of each feature, or null when the model has no imputation (one null check per value). */
    private final double[] fill;
    private final int[] columns;

    private BoundPredictor(RowPredictor predictor, double[] fill, int[] columns) {
        this.predictor = predictor;
        this.fill = fill;
        this.columns = columns.clone();
    }

    /**
     * Binds {@code model}, predicting on the response scale, to its inputs' positions among the data's columns.
     *
     * @param model a model that predicts ({@link Predictors#of})
     * @param inputColumns the column of each of the model's features, in the model's order, then of each extra
     *                     input ({@link FeatureBinding#inputColumns})
     * @return the bound predictor
     */
    public static BoundPredictor of(ModelDocument model, int[] inputColumns) {
        return of(model, inputColumns, PredictionType.RESPONSE);
    }

    /**
     * Binds {@code model}, predicting on the given scale, to its inputs' positions among the data's columns.
     *
     * @param model        a model that predicts on that scale ({@link Predictors#of(ModelDocument, PredictionType)})
     * @param inputColumns the column of each of the model's features, in the model's order, then of each extra
     *                     input ({@link FeatureBinding#inputColumns})
     * @param type         the scale of the predictions
     * @return the bound predictor
     * @throws IllegalArgumentException when {@code inputColumns} does not have one entry per feature and extra input
     */
    public static BoundPredictor of(ModelDocument model, int[] inputColumns, PredictionType type) {
        int width = model.features().size() + Predictors.inputs(model).size();
        if (inputColumns.length != width) {
            throw new IllegalArgumentException("the model reads " + width + " columns (features, then extra inputs), "
                    + "bound to " + inputColumns.length);
        }
        double[] fill = Imputation.fillValues(model);
        return new BoundPredictor(Predictors.of(model, type), fill, inputColumns);
    }

    /**
     * Binds a model given as its JSON document, as it travels to the members inside kernels and processors,
     * predicting on the response scale.
     *
     * @param modelJson the model's JSON document ({@link ModelJson#write})
     * @param inputColumns the column of each of the model's features, in the model's order, then of each extra input
     * @return the bound predictor
     */
    public static BoundPredictor of(String modelJson, int[] inputColumns) {
        return of(ModelJson.read(modelJson, "model"), inputColumns);
    }

    /**
     * Binds a model given as its JSON document, predicting on the given scale.
     *
     * @param modelJson    the model's JSON document ({@link ModelJson#write})
     * @param inputColumns the column of each of the model's features, in the model's order, then of each extra input
     * @param type         the scale of the predictions
     * @return the bound predictor
     */
    public static BoundPredictor of(String modelJson, int[] inputColumns, PredictionType type) {
        return of(ModelJson.read(modelJson, "model"), inputColumns, type);
    }

    /**
     * A row buffer of the right width for {@link #gather}, to be reused from row to row by one thread.
     *
     * @return a new array of one entry per feature and extra input
     */
    public double[] newRow() {
        return new double[columns.length];
    }

    /**
     * Copies row {@code r} of a column-major block of {@code n} rows into {@code x}, in the model's input
     * order (features, then extra inputs), replacing each non-finite feature value by the model's fill value when
     * it has an imputation.
     *
     * @param v the block's values, column-major ({@code v[c × n + r]})
     * @param n the block's row count
     * @param r the row to gather
     * @param x the row buffer ({@link #newRow}), overwritten
     * @return whether every input value of the row is finite after filling: the row can be scored
     */
    public boolean gather(double[] v, int n, int r, double[] x) {
        boolean finite = true;
        for (int j = 0; j < columns.length; j++) {
            x[j] = v[columns[j] * n + r];
            if (fill != null && j < fill.length && !Double.isFinite(x[j])) {
                x[j] = fill[j];
            }
            finite &= Double.isFinite(x[j]);
        }
        return finite;
    }

    /**
     * The model's prediction for a gathered row ({@link RowPredictor#predict}).
     *
     * @param x a row gathered by {@link #gather} whose values are all finite
     * @return the prediction: a value, a class label or a cluster index
     */
    public double predict(double[] x) {
        return predictor.predict(x);
    }

    /**
     * The class probabilities for a gathered row ({@link RowPredictor#probabilities}).
     *
     * @param x a row gathered by {@link #gather} whose values are all finite
     * @return the probabilities in the order of the model's classes, or null for a model that is not a classifier
     */
    public double[] probabilities(double[] x) {
        return predictor.probabilities(x);
    }

    /**
     * A predictor bound on first use, for the grid's kernels and processors: they receive the model JSON and the
     * columns when deserialized and parse them once per instance. Threads that race on the first use may each
     * parse the model; they build equal predictors and one is kept.
     */
    public static final class Lazy {
        private final java.util.function.Supplier<BoundPredictor> make;
        private volatile BoundPredictor bound;

        /**
         * @param make builds the predictor, read when first needed (so that fields it reads may be set after this
         *             object is constructed, as deserialization does)
         */
        public Lazy(java.util.function.Supplier<BoundPredictor> make) {
            this.make = make;
        }

        /**
         * The bound predictor, built on the first call.
         *
         * @return the predictor
         */
        public BoundPredictor get() {
            BoundPredictor p = bound;
            if (p == null) {
                p = make.get();
                bound = p;
            }
            return p;
        }
    }
}
