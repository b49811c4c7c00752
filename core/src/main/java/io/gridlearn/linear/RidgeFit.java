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
    /**
     * Checks the coefficient counts and copies the arrays.
     *
     * @param features           feature names (copied)
     * @param lambda             the penalty used
     * @param standardized       whether the features were z-scored for the penalty
     * @param hasIntercept       whether the model has an intercept
     * @param intercept          the intercept on the original scale
     * @param coefficients       coefficients on the original scale, one per feature (copied)
     * @param scaledCoefficients coefficients of the working features, one per feature (copied)
     * @throws IllegalArgumentException if a coefficient array's length is not the feature count
     */
    public RidgeFit {
        features = List.copyOf(features);
        if (coefficients.length != features.size() || scaledCoefficients.length != features.size()) {
            throw new IllegalArgumentException("need one coefficient per feature (" + features.size() + ")");
        }
        coefficients = coefficients.clone();
        scaledCoefficients = scaledCoefficients.clone();
    }

    /**
     * Coefficients on the original scale.
     *
     * @return a copy, one per feature
     */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * Coefficients of the working features.
     *
     * @return a copy, one per feature ({@code b_j s_j})
     */
    @Override
    public double[] scaledCoefficients() {
        return scaledCoefficients.clone();
    }
}
