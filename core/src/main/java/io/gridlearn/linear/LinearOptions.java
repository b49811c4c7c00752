package io.gridlearn.linear;

import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowGrouping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Options of a linear-family fit, validated on construction with messages that name the option.
 *
 * <p>The objective, for n training rows (CONTRACT.md; glmnet's documented form, scikit-learn's
 * {@code ElasticNet}):
 * <pre>
 *   (1/(2n)) Σ (yᵢ − b₀ − xᵢ·b)²  +  λ [ (1−α)/2 ‖b‖²  +  α ‖b‖₁ ]
 * </pre>
 * {@code ridge} is α = 0, {@code lasso} α = 1; the intercept is never penalised.
 *
 * @param algorithm   {@code linear}, {@code ridge}, {@code lasso} or {@code elastic-net}
 * @param lambda      penalty strength λ ≥ 0; NaN when not given (required by ridge, lasso, elastic-net)
 * @param alpha       L1 share α in [0, 1]; NaN when not given (then 0 for ridge and linear, 1 for lasso,
 *                    0.5 for elastic-net)
 * @param standardize penalise z-scored features (population standard deviation); coefficients are
 *                    reported on the original scale
 * @param intercept   fit an intercept
 * @param solver      {@code qr} (tall-skinny QR: the condition number is not squared) or {@code cholesky}
 *                    (normal equations); penalised L1 fits always use coordinate descent on the Gram
 * @param grouping    held-out test share and cross-validation folds
 * @param missing     what to do with NaN or infinite values: {@code error} (default: the fit fails, naming
 *                    the count of affected rows), {@code skip} (leave those rows out) or {@code mean} (replace
 *                    a missing feature value by the mean of that feature's finite training values, scikit-learn's
 *                    {@code SimpleImputer(strategy="mean")}; a row with a missing target is still an error)
 * @param maxIter     coordinate-descent sweeps at most
 * @param tol         coordinate-descent tolerance on the largest scaled coefficient change
 * @param pathLength  0, or the number of λ values of a regularisation path from λ_max down (warm-started)
 * @param method      {@code exact} (one pass, the single-machine answer) or {@code average} (one fit per
 *                    block, averaged: the naive approach, for comparison)
 */
public record LinearOptions(String algorithm, double lambda, double alpha, boolean standardize, boolean intercept,
                            String solver, RowGrouping grouping, String missing, int maxIter, double tol,
                            int pathLength, String method) {
    /** The linear-family algorithms: {@code linear}, {@code ridge}, {@code lasso}, {@code elastic-net}. */
    public static final Set<String> ALGORITHMS = Set.of("linear", "ridge", "lasso", "elastic-net");
    /** The values of {@code --missing}. */
    public static final Set<String> MISSING = Set.of("error", "skip", "mean");

    /**
     * Validates the options, naming the one at fault, and fills in the defaults of λ and α.
     *
     * @param algorithm   one of {@link #ALGORITHMS}
     * @param lambda      λ, finite and ≥ 0; NaN for 0 with {@code linear} (required otherwise)
     * @param alpha       α in [0, 1]; NaN for the algorithm's default; must be 0 for ridge and 1 for lasso
     * @param standardize penalise z-scored features
     * @param intercept   fit an intercept
     * @param solver      {@code qr} or {@code cholesky}
     * @param grouping    held-out test share and cross-validation folds
     * @param missing     one of {@link #MISSING}; {@code mean} not with folds or {@code average}
     * @param maxIter     ≥ 1
     * @param tol         finite and &gt; 0
     * @param pathLength  0 to 1000
     * @param method      {@code exact} or {@code average} (unpenalised, without folds)
     * @throws BadInputException if the algorithm is unknown
     * @throws io.gridlearn.OptionException if an option is out of range or the options do not combine
     */
    public LinearOptions {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new BadInputException("unknown linear algorithm '" + algorithm + "'; use linear, ridge, lasso or elastic-net");
        }
        if (Double.isNaN(lambda)) {
            if (!algorithm.equals("linear")) {
                throw OptionException.worded("{lambda} is required for " + algorithm + " (the penalty strength λ >= 0)");
            }
            lambda = 0;
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw OptionException.worded("{lambda} must be a finite number >= 0, was " + lambda);
        }
        if (Double.isNaN(alpha)) {
            alpha = switch (algorithm) {
                case "lasso" -> 1.0;
                case "elastic-net" -> 0.5;
                default -> 0.0;
            };
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw OptionException.worded("{alpha} must be in [0, 1], was " + alpha);
        }
        if (algorithm.equals("ridge") && alpha != 0) {
            throw OptionException.worded("ridge is alpha = 0; use elastic-net for {alpha} " + alpha);
        }
        if (algorithm.equals("lasso") && alpha != 1) {
            throw OptionException.worded("lasso is alpha = 1; use elastic-net for {alpha} " + alpha);
        }
        if (!solver.equals("qr") && !solver.equals("cholesky")) {
            throw OptionException.worded("{solver} for linear models must be qr or cholesky, was '" + solver + "'");
        }
        if (!MISSING.contains(missing)) {
            throw OptionException.worded("{missing} must be error, skip or mean, was '" + missing + "'");
        }
        if (missing.equals("mean") && grouping.folds() > 1) {
            // Each fold would need its own means (scikit-learn refits the imputer per fold inside a Pipeline);
            // the folds here share one pass of moments, so their scores would leak the held-out fold's values.
            throw OptionException.worded("{missing} mean does not combine with {folds} in this version: each fold "
                    + "would need its own imputation means; use {testFraction}, or {missing} skip with {folds}");
        }
        if (missing.equals("mean") && method.equals("average")) {
            throw OptionException.worded("{missing} mean does not combine with {method} average");
        }
        if (maxIter < 1) {
            throw OptionException.worded("{maxIter} must be >= 1, was " + maxIter);
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw OptionException.worded("{tol} must be a number > 0, was " + tol);
        }
        if (pathLength < 0 || pathLength > 1000) {
            throw OptionException.worded("{path} must be between 0 and 1000 λ values, was " + pathLength);
        }
        if (!method.equals("exact") && !method.equals("average")) {
            throw OptionException.worded("{method} must be exact or average, was '" + method + "'");
        }
        if (method.equals("average") && (lambda > 0 || grouping.folds() > 1)) {
            throw OptionException.worded("{method} average fits unpenalised per-block models without folds");
        }
    }

    /**
     * Plain OLS with defaults: intercept, QR, no split.
     *
     * @return {@code linear}, λ = 0, intercept, {@code qr}, no split, {@code --missing error}, {@code exact}
     */
    public static LinearOptions ols() {
        return new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "qr", RowGrouping.NONE, "error",
                100_000, 1e-12, 0, "exact");
    }

    /**
     * Whether the fit has a penalty.
     *
     * @return true when λ &gt; 0
     */
    public boolean penalised() {
        return lambda > 0;
    }

    /**
     * True when the fit needs coordinate descent (an L1 part).
     *
     * @return true when λ &gt; 0 and α &gt; 0
     */
    public boolean needsCoordinateDescent() {
        return lambda > 0 && alpha > 0;
    }

    /**
     * The same options with another split.
     *
     * @param g the new split
     * @return these options with {@code grouping} replaced (validated again)
     */
    public LinearOptions withGrouping(RowGrouping g) {
        return new LinearOptions(algorithm, lambda, alpha, standardize, intercept, solver, g, missing, maxIter, tol,
                pathLength, method);
    }

    /**
     * The same options with another solver.
     *
     * @param s {@code qr} or {@code cholesky}
     * @return these options with {@code solver} replaced (validated again)
     */
    public LinearOptions withSolver(String s) {
        return new LinearOptions(algorithm, lambda, alpha, standardize, intercept, s, grouping, missing, maxIter, tol,
                pathLength, method);
    }

    /**
     * The options as recorded in a model's provenance.
     *
     * @return option name → value, in a fixed order; {@code solver} is {@code coordinate-descent} when an L1 part
     *         needs it, and the coordinate-descent and path options appear only when they apply
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("lambda", lambda);
        m.put("alpha", alpha);
        m.put("standardize", standardize);
        m.put("intercept", intercept);
        m.put("solver", needsCoordinateDescent() ? "coordinate-descent" : solver);
        m.put("testFraction", grouping.testFraction());
        m.put("folds", grouping.folds());
        m.put("missing", missing);
        m.put("method", method);
        if (needsCoordinateDescent()) {
            m.put("maxIter", maxIter);
            m.put("tol", tol);
        }
        if (pathLength > 0) {
            m.put("path", pathLength);
        }
        return m;
    }
}
