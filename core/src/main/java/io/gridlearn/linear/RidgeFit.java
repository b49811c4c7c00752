package io.gridlearn.linear;

import java.util.List;

/**
 * A ridge fit.
 *
 * @param features           feature names
 * @param lambda             the penalty used
 * @param standardized       whether the features were z-scored for the penalty
 * @param hasIntercept       whether the model has an (unpenalised) intercept
 * @param intercept          the intercept on the original scale (0 without intercept)
 * @param coefficients       coefficients on the original scale
 * @param scaledCoefficients coefficients of the working (standardized) features, {@code b_j s_j}; equal to
 *                           {@code coefficients} when not standardized
 */
public record RidgeFit(List<String> features, double lambda, boolean standardized, boolean hasIntercept,
                       double intercept, double[] coefficients, double[] scaledCoefficients) {
    public RidgeFit {
        features = List.copyOf(features);
        if (coefficients.length != features.size() || scaledCoefficients.length != features.size()) {
            throw new IllegalArgumentException("need one coefficient per feature (" + features.size() + ")");
        }
        coefficients = coefficients.clone();
        scaledCoefficients = scaledCoefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public double[] scaledCoefficients() {
        return scaledCoefficients.clone();
    }
}
