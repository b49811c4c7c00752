package io.gridlearn.linear;

import io.gridlearn.stats.MomentMatrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns merged statistics into coefficients, on the driver:
 * <ul>
 *   <li>OLS: back-substitution on the merged R factor (QR), or Cholesky/LDLᵀ on the exactly centred cross
 *       products (normal equations); the residual sum of squares is then recomputed exactly from the
 *       moments, so R², F and σ² carry no rounding from the solve route;</li>
 *   <li>ridge: QR of R stacked on √(nλ)·diag(s) (the penalty as extra rows; s = 1, or the feature's population
 *       standard deviation with --standardize), or the closed form (C + nλ diag(s²)) b = c;</li>
 *   <li>elastic net and lasso: coordinate descent on the cross products (Friedman, Hastie &amp; Tibshirani 2010).</li>
 * </ul>
 */
final class LinearSolver {
    /**
     * Refine (one more pass) when the equilibrated condition number estimate exceeds this. Measured on NIST
     * StRD: Wampler1 and 3 (κ ≈ 2.4e3) reach only 9.5 digits without refinement, an error about 1e3·κ·u,
     * far above the textbook κ·u; so the pass is skipped only for nearly orthogonal designs (κ ≤ 10, where
     * the same factor still leaves more than 12 digits), and every NIST problem but the orthogonal ones
     * (Norris, NoInt1, NoInt2, at 12.0 or better unrefined) is refined.
     */
    static final double REFINE_ABOVE = 10;

    /**
     * Up to this condition estimate of the centred design ({@link RFactors#centredCondition}; the plain estimate
     * when there is no intercept) the refinement pass is the light one: it gathers only {@code X'r} and
     * {@code r'r} (2k + 1 double-double products per row instead of k(k+1)/2 + 2k) and takes {@code X'X} from the
     * first pass's exact moments. Those hold every block's cross products of its rows minus the block mean,
     * rounded once per block, plus the mean terms exactly; so their error is at most about {@code ε = B·u}
     * (B rows per block) relative to the centred cross products, whatever the column means. Iterating against a
     * Gram matrix off by that converges to a solution off by about {@code κ_c²·ε} times the correction (itself
     * about {@code 1e3·κ·u}, see above): below {@code 1e-15} relative for κ_c ≤ 1e3 and B = 4096. Means alone
     * make the plain estimate large (features around 40 ± 1 give κ ≈ 1e3 with κ_c ≈ 1), which is why the
     * centred one decides. Above this, the full pass gathers {@code X'X} in double-double too.
     */
    static final double LIGHT_REFINE_UP_TO = 1e3;

    /** The error factor of unrefined TSQR measured on NIST StRD (about {@code 1e3·κ·u}, see above). */
    private static final double QR_ERROR_FACTOR = 1e3;

    private LinearSolver() {
    }

    /** A second pass over the training rows: residual moments at the given coefficients (design order). */
    interface Refiner {
        /** @param withGram also gather {@code X'X} in double-double (the full refinement) */
        ResidualMoments residualMoments(double[] beta, boolean withGram);

        /** Rows per block of the data, for the error bound of the first pass's cross products. */
        int blockRows();
    }

    static LinearSolution solve(MomentMatrix m, double[] r, List<String> features, LinearOptions o) {
        return solve(m, r, features, o, null);
    }

    static LinearSolution solve(MomentMatrix m, double[] r, List<String> features, LinearOptions o, Refiner refiner) {
        if (!o.penalised()) {
            return ols(m, r, features, o, refiner);
        }
        if (!o.needsCoordinateDescent()) {
            return ridge(m, r, features, o);
        }
        return elasticNet(m, features, o, MomentViews.crossProducts(m, o.intercept()), o.lambda());
    }

    private static LinearSolution ols(MomentMatrix m, double[] r, List<String> features, LinearOptions o,
                                      Refiner refiner) {
        LeastSquaresSolution s = r != null
                ? QrLeastSquares.solve(r, m.weight(), features, o.intercept())
                : NormalEquations.ols(MomentViews.crossProducts(m, o.intercept()), features);
        double kappa = Double.NaN;
        double kappaC = Double.NaN;
        String refinement = "qr";
        if (r != null) {
            int k = features.size() + (o.intercept() ? 1 : 0);
            kappa = RFactors.scaledCondition(r, k + 1, k);
            kappaC = o.intercept() ? RFactors.centredCondition(r, k + 1, k) : kappa;
            if (refiner != null && !(kappa <= REFINE_ABOVE)) {
                if (kappaC <= LIGHT_REFINE_UP_TO) {
                    // diag((X'X)^-1): refined against the first pass's Gram (error about κ_c²·B·u) when that
                    // bound beats R's own (about 1e3·κ·u)
                    boolean refineVariance = kappaC * kappaC * refiner.blockRows() < QR_ERROR_FACTOR * kappa;
                    s = QrLeastSquares.refine(r, s, refiner.residualMoments(s.beta(), false),
                            MomentViews.designGramPairs(m, o.intercept()), refineVariance);
                    refinement = "qr+light-refinement";
                } else {
                    s = QrLeastSquares.refine(r, s, refiner.residualMoments(s.beta(), true));
                    refinement = "qr+refinement";
                }
            }
        }
        OlsReport rep;
        if (r == null) {
            // the normal equations' own RSS (y'y − b'c) cancels; the moments give it without cancellation
            int p = features.size();
            double rss = MomentViews.rss(m, s.interceptValue(), s.coefficients());
            double tss = o.intercept() ? m.centred(p, p) : m.raw(p, p);
            rep = new LeastSquaresSolution(features, o.intercept(), m.weight(), s.beta(), s.unscaledVariance(),
                    rss, tss, tss - rss).report();
        } else {
            // QR's RSS (refined in double-double) is exact to working precision even for an exact fit
            rep = s.report();
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", io.gridlearn.pass.Weights.count(rep.n()));
        summary.put("solver", r == null ? "cholesky" : refinement);
        if (r != null) {
            summary.put("scaledConditionNumber", kappa);
            summary.put("centredConditionNumber", kappaC);
        }
        summary.put("rSquared", rep.rSquared());
        summary.put("adjRSquared", rep.adjRSquared());
        summary.put("residualStandardError", rep.residualStdError());
        summary.put("sigma2", rep.sigma2());
        summary.put("rss", rep.rss());
        summary.put("dfResid", io.gridlearn.pass.Weights.count(rep.dfResid()));
        summary.put("fStatistic", rep.fStatistic());
        summary.put("fPValue", rep.fPValue());
        summary.put("logLikelihood", rep.logLikelihood());
        if (o.intercept()) {
            summary.put("interceptTValue", rep.interceptTValue());
            summary.put("interceptPValue", rep.interceptPValue());
        }
        return new LinearSolution(rep.intercept(), rep.coefficients(),
                o.intercept() ? rep.interceptStdError() : null, rep.stdErrors(), rep.tValues(), rep.pValues(), summary);
    }

    private static LinearSolution ridge(MomentMatrix m, double[] r, List<String> features, LinearOptions o) {
        double intercept;
        double[] b;
        if (r != null) {
            int p = features.size();
            int off = o.intercept() ? 1 : 0;
            int q = p + 1 + off;
            double[] scale = o.standardize() ? MomentViews.featureScales(m, features) : null;
            double[] penalty = new double[q * q];
            double root = Math.sqrt(m.weight() * o.lambda());
            for (int j = 0; j < p; j++) {
                penalty[(j + off) * q + (j + off)] = root * (scale == null ? 1 : scale[j]);
            }
            LeastSquaresSolution s = QrLeastSquares.solve(BlockQr.merge(r, penalty, q), m.weight(), features,
                    o.intercept());
            intercept = s.interceptValue();
            b = s.coefficients();
        } else {
            RidgeFit fit = NormalEquations.ridge(MomentViews.crossProducts(m, o.intercept()), features,
                    RidgeOptions.of(o.lambda(), o.standardize()));
            intercept = fit.intercept();
            b = fit.coefficients();
        }
        return new LinearSolution(intercept, b, null, null, null, null, penalisedSummary(m, intercept, b, o));
    }

    static LinearSolution elasticNet(MomentMatrix m, List<String> features, LinearOptions o, CrossProducts cp,
                                     double lambda) {
        ElasticNetFit fit = new ElasticNet(cp, features,
                new ElasticNetOptions(o.alpha(), o.standardize(), o.tol(), o.maxIter())).fit(lambda);
        Map<String, Object> summary = penalisedSummary(m, fit.intercept(), fit.coefficients(), o);
        summary.put("objective", fit.objective());
        summary.put("nonZero", fit.nonZero());
        summary.put("iterations", fit.iterations());
        summary.put("converged", fit.converged());
        summary.put("maxKktViolation", fit.maxKktViolation());
        return new LinearSolution(fit.intercept(), fit.coefficients(), null, null, null, null, summary);
    }

    private static Map<String, Object> penalisedSummary(MomentMatrix m, double intercept, double[] b, LinearOptions o) {
        int p = b.length;
        double rss = MomentViews.rss(m, intercept, b);
        double tss = o.intercept() ? m.centred(p, p) : m.raw(p, p);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("n", io.gridlearn.pass.Weights.count(m.weight()));
        summary.put("lambda", o.lambda());
        summary.put("alpha", o.alpha());
        summary.put("rSquared", 1 - rss / tss);
        summary.put("rss", rss);
        int nonZero = 0;
        for (double c : b) {
            nonZero += c != 0 ? 1 : 0;
        }
        summary.put("nonZero", nonZero);
        return summary;
    }
}
