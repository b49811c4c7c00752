package io.gridlearn.linear;

import java.util.List;

/**
 * One elastic-net solution.
 *
 * @param features           feature names
 * @param lambda             penalty strength
 * @param alpha              mixing parameter
 * @param standardized       whether the penalty applied to standardized coefficients
 * @param hasIntercept       whether the model has an (unpenalised) intercept
 * @param intercept          intercept on the original scale (0 without intercept)
 * @param coefficients       coefficients on the original scale
 * @param scaledCoefficients coefficients of the working features ({@code b_j s_j}; equal to
 *                           {@code coefficients} when not standardized); these are what is penalised
 * @param objective          {@code (1/(2n)) RSS + lambda((1-alpha)/2 ||b~||^2 + alpha ||b~||_1)} at the solution,
 *                           with {@code b~} the scaled coefficients
 * @param nonZero            number of non-zero coefficients
 * @param iterations         coordinate sweeps used
 * @param converged          whether the convergence test was met within the iteration limit
 * @param maxKktViolation    largest violation of the optimality (KKT) conditions, in the working scale:
 *                           {@code |g_j/n - lambda(1-alpha) b_j - lambda alpha sign(b_j)|} for {@code b_j != 0},
 *                           {@code max(0, |g_j/n| - lambda alpha)} for {@code b_j = 0}, {@code g = c - C b}
 */
public record ElasticNetFit(List<String> features, double lambda, double alpha, boolean standardized,
                            boolean hasIntercept, double intercept, double[] coefficients,
                            double[] scaledCoefficients, double objective, int nonZero, int iterations,
                            boolean converged, double maxKktViolation) {
    /**
     * Checks the coefficient counts and copies the arrays.
     *
     * @param features           feature names (copied)
     * @param lambda             penalty strength
     * @param alpha              mixing parameter
     * @param standardized       whether the penalty applied to standardized coefficients
     * @param hasIntercept       whether the model has an intercept
     * @param intercept          intercept on the original scale
     * @param coefficients       coefficients on the original scale, one per feature (copied)
     * @param scaledCoefficients coefficients of the working features, one per feature (copied)
     * @param objective          the objective at the solution
     * @param nonZero            number of non-zero coefficients
     * @param iterations         coordinate sweeps used
     * @param converged          whether the convergence test was met
     * @param maxKktViolation    largest KKT violation, in the working scale
     * @throws IllegalArgumentException if a coefficient array's length is not the feature count
     */
    public ElasticNetFit {
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
