package io.gridlearn.model;

/**
 * Scores one row of features (in the model's feature order). Regression models return the prediction;
 * classifiers the predicted class label and, through {@link #probabilities}, the class probabilities;
 * k-means the index of the nearest centre.
 */
public interface RowPredictor {
    double predict(double[] x);

    /** Class probabilities, in the order of the model's {@code classes}; null for non-classifiers. */
    default double[] probabilities(double[] x) {
        return null;
    }
}
