package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;


/**
 * ŷ = b0 + Σ b_j x_j for a linear-family model, evaluated with fused multiply-adds in feature order: the
 * same arithmetic as {@code PredictProcessor} in the grid, so local and grid predictions are identical.
 */
public final class LinearPredictor {
    private final ModelDocument model;
    private final double intercept;
    private final double[] coefficients;

    /**
     * @param model a linear-family model (it has an intercept and coefficients)
     * @throws io.gridlearn.BadInputException if it is not a linear model
     */
    public LinearPredictor(ModelDocument model) {
        if (model.coefficients() == null || model.intercept() == null) {
            throw new BadInputException("model '" + model.name() + "' (" + model.algorithm() + ") is not a linear model");
        }
        this.model = model;
        this.intercept = model.intercept();
        this.coefficients = model.coefficients().clone();
    }

    /**
     * The number of features.
     *
     * @return p, the length of a row of features
     */
    public int featureCount() {
        return coefficients.length;
    }

    /**
     * The intercept.
     *
     * @return b0
     */
    public double intercept() {
        return intercept;
    }

    /**
     * The coefficients.
     *
     * @return a copy of b, one per feature in the model's order
     */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Prediction for one row of features, in the model's feature order.
     *
     * @param x the features, length {@link #featureCount()}
     * @return ŷ = b0 + Σ b_j x_j, accumulated with fused multiply-adds, j ascending
     * @throws io.gridlearn.BadInputException if {@code x} has the wrong length
     */
    public double predict(double[] x) {
        if (x.length != coefficients.length) {
            throw new BadInputException("wrong feature count: the model takes " + coefficients.length
                    + " features (" + String.join(", ", model.features()) + "), got " + x.length);
        }
        double y = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            y = Math.fma(coefficients[j], x[j], y);
        }
        return y;
    }
}
