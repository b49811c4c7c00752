package io.gridlearn.model;

/**
 * A model bound to the columns of a data source: gathers one row of features, in the model's order, from a
 * column-major block ({@code v[c × n + r]}), fills the non-finite ones by the model's {@link Imputation} when
 * it has one, and scores it with the model's {@link RowPredictor}. This is the one place where every row
 * scorer — {@code predict} locally and in the grid, {@code evaluate}, the report's score histograms — turns
 * a stored row into the features it predicts from, so they all predict the same bits on the same row.
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
     * Binds {@code model} to its features' positions among the data's columns.
     *
     * @param model a model that predicts ({@link Predictors#of})
     * @param featureColumns the column of each of the model's features, in the model's order
     *                       ({@link FeatureBinding#featureColumns})
     * @return the bound predictor
     */
    public static BoundPredictor of(ModelDocument model, int[] featureColumns) {
        double[] fill = Imputation.fillValues(model);
        return new BoundPredictor(Predictors.of(model), fill, featureColumns);
    }

    /**
     * Binds a model given as its JSON document, as it travels to the members inside kernels and processors.
     *
     * @param modelJson the model's JSON document ({@link ModelJson#write})
     * @param featureColumns the column of each of the model's features, in the model's order
     * @return the bound predictor
     */
    public static BoundPredictor of(String modelJson, int[] featureColumns) {
        return of(ModelJson.read(modelJson, "model"), featureColumns);
    }

    /**
     * A row buffer of the right width for {@link #gather}, to be reused from row to row by one thread.
     *
     * @return a new array of one entry per feature
     */
    public double[] newRow() {
        return new double[columns.length];
    }

    /**
     * Copies row {@code r} of a column-major block of {@code n} rows into {@code x}, in the model's feature
     * order, replacing each non-finite value by the model's fill value when it has an imputation.
     *
     * @param v the block's values, column-major ({@code v[c × n + r]})
     * @param n the block's row count
     * @param r the row to gather
     * @param x the row buffer ({@link #newRow}), overwritten
     * @return whether every feature value of the row is finite after filling: the row can be scored
     */
    public boolean gather(double[] v, int n, int r, double[] x) {
        boolean finite = true;
        for (int j = 0; j < columns.length; j++) {
            x[j] = v[columns[j] * n + r];
            if (fill != null && !Double.isFinite(x[j])) {
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
