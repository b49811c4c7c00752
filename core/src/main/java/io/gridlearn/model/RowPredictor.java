package io.gridlearn.model;

/**
 * Scores one row of features (in the model's feature order). Regression models return the prediction;
 * classifiers the predicted class label and, through {@link #probabilities}, the class probabilities;
 * k-means the index of the nearest centre.
 */
public interface RowPredictor {
    /**
     * The prediction for one row.
     *
     * @param x one row of features, in the model's feature order
     * @return the predicted value, class label or cluster index
     */
    double predict(double[] x);

    /**
     * Class probabilities, in the order of the model's {@code classes}; null for non-classifiers.
     *
     * @param x one row of features, in the model's feature order
     * @return one probability per class, or null
     */
    default double[] probabilities(double[] x) {
        return null;
    }
}
