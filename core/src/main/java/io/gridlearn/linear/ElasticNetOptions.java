package io.gridlearn.linear;

import io.gridlearn.BadInputException;

/**
 * Options of {@link ElasticNet}.
 *
 * @param alpha         mixing parameter in {@code [0, 1]}: 1 is the lasso, 0 is ridge
 * @param standardize   whether the penalty applies to the coefficients of standardized features
 *                      (see {@link ElasticNet}); results are reported on the original scale either way
 * @param tolerance     convergence tolerance {@code > 0}, relative to the scale of y (see {@link ElasticNet})
 * @param maxIterations maximum number of coordinate sweeps, {@code >= 1}
 */
public record ElasticNetOptions(double alpha, boolean standardize, double tolerance, int maxIterations) {
    /** Default convergence tolerance. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    /** Default maximum number of sweeps. */
    public static final int DEFAULT_MAX_ITERATIONS = 100_000;

    /**
     * Validates the options.
     *
     * @param alpha         mixing parameter in {@code [0, 1]}
     * @param standardize   whether the penalty applies to standardized coefficients
     * @param tolerance     convergence tolerance, finite and {@code > 0}
     * @param maxIterations maximum number of coordinate sweeps, {@code >= 1}
     * @throws io.gridlearn.BadInputException if a value is out of range
     */
    public ElasticNetOptions {
        if (!(alpha >= 0.0 && alpha <= 1.0)) {
            throw new BadInputException("elastic-net alpha must lie in [0, 1] (1 = lasso, 0 = ridge), got " + alpha);
        }
        if (!(tolerance > 0.0) || Double.isInfinite(tolerance)) {
            throw new BadInputException("tolerance must be a finite number > 0, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new BadInputException("maxIterations must be >= 1, got " + maxIterations);
        }
    }

    /**
     * Options with the default tolerance and iteration limit.
     *
     * @param alpha       mixing parameter in {@code [0, 1]}: 1 is the lasso, 0 is ridge
     * @param standardize whether the penalty applies to the coefficients of standardized features
     * @return the options, with {@link #DEFAULT_TOLERANCE} and {@link #DEFAULT_MAX_ITERATIONS}
     */
    public static ElasticNetOptions of(double alpha, boolean standardize) {
        return new ElasticNetOptions(alpha, standardize, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }
}
