package io.gridlearn.linear;

import io.gridlearn.eval.RegressionMetrics;
import io.gridlearn.stats.MomentMatrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k-fold cross-validation from the statistics of the single pass: the training moments of fold f are the
 * exact difference (all training folds) − (fold f), the held-out residual sum of squares is evaluated
 * exactly on fold f's moments ({@link MomentMatrix#sumOfSquares}). Fold models use the normal-equation
 * route (or coordinate descent), whatever --solver says, since R factors cannot be subtracted.
 */
final class CrossValidation {
    private CrossValidation() {
    }

    /** Pooled metrics: mse = Σ RSS_f / Σ n_f, r2 = 1 − Σ RSS_f / Σ TSS_f; plus the spread of fold mse. */
    static Map<String, Double> metrics(LinearPassAggregator pass, List<String> features, LinearOptions o) {
        int k = o.grouping().folds();
        MomentMatrix all = pass.sum(0, k);
        double rss = 0;
        double tss = 0;
        double n = 0;
        double[] foldMse = new double[k];
        for (int f = 0; f < k; f++) {
            MomentMatrix held = pass.moments(f);
            if (held.weight() == 0) { // no row, or only rows of weight 0
                continue;
            }
            MomentMatrix train = new MomentMatrix(all.dimension());
            train.add(all, 1);
            train.add(held, -1);
            LinearSolution fit = fitFold(train, features, o, o.lambda());
            RegressionMetrics m = LinearTrainer.heldOut(held, fit.intercept(), fit.coefficients());
            rss += m.mse() * m.n();
            tss += held.centred(features.size(), features.size());
            n += m.n();
            foldMse[f] = m.mse();
        }
        double mse = rss / n;
        double mean = 0;
        for (double v : foldMse) {
            mean += v / k;
        }
        double sd = 0;
        for (double v : foldMse) {
            sd += (v - mean) * (v - mean) / Math.max(1, k - 1);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("folds", (double) k);
        out.put("rows", n);
        out.put("r2", 1 - rss / tss);
        out.put("mse", mse);
        out.put("rmse", Math.sqrt(mse));
        out.put("mseFoldSd", Math.sqrt(sd));
        return out;
    }

    /** A fold's model by the normal-equation route (or coordinate descent). */
    static LinearSolution fitFold(MomentMatrix train, List<String> features, LinearOptions o, double lambda) {
        if (lambda > 0 && o.alpha() > 0) {
            return LinearSolver.elasticNet(train, features, o, MomentViews.crossProducts(train, o.intercept()), lambda);
        }
        LinearOptions fold = new LinearOptions(o.algorithm(), lambda, o.alpha(), o.standardize(), o.intercept(),
                "cholesky", o.grouping(), o.missing(), o.maxIter(), o.tol(), 0, o.method());
        return LinearSolver.solve(train, null, features, fold);
    }
}
