package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.model.ModelDocument;

import java.util.List;

/**
 * ŷ = b0 + Σ b_j x_j for a linear-family model, evaluated with fused multiply-adds in feature order: the
 * same arithmetic as {@code PredictProcessor} in the grid, so local and grid predictions are identical.
 */
public final class LinearPredictor {
    private final ModelDocument model;
    private final double intercept;
    private final double[] coefficients;

    public LinearPredictor(ModelDocument model) {
        if (model.coefficients() == null || model.intercept() == null) {
            throw new BadInputException("model '" + model.name() + "' (" + model.algorithm() + ") is not a linear model");
        }
        this.model = model;
        this.intercept = model.intercept();
        this.coefficients = model.coefficients().clone();
    }

    public int featureCount() {
        return coefficients.length;
    }

    public double intercept() {
        return intercept;
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Prediction for one row of features, in the model's feature order. */
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

    /**
     * Positions of the model's features among {@code columns}, with a clear error for a missing or
     * categorical one; {@code where} names the data in messages.
     */
    public int[] featureColumns(List<ColumnSpec> columns, String where) {
        List<String> features = model.features();
        int[] idx = new int[features.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(features.get(j))) {
                    idx[j] = c;
                }
            }
            if (idx[j] < 0) {
                throw new BadInputException(where + " has no column '" + features.get(j) + "' that the model needs; "
                        + "the model's features are " + String.join(", ", features));
            }
            if (columns.get(idx[j]).kind() != ColumnKind.NUMERIC) {
                throw new BadInputException(where + ": column '" + features.get(j) + "' is not numeric, but the model "
                        + "uses it as a numeric feature");
            }
        }
        return idx;
    }

    /** Position of the model's target among {@code columns}, or −1. */
    public int targetColumn(List<ColumnSpec> columns) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(model.target())) {
                return c;
            }
        }
        return -1;
    }
}
