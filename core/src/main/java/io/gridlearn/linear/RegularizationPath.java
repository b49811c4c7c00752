package io.gridlearn.linear;

import io.gridlearn.stats.MomentMatrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regularisation path: λ from λ_max (all coefficients zero) down to 10⁻³·λ_max, log-spaced, each fit
 * warm-started from the previous one (glmnet's strategy, Friedman, Hastie &amp; Tibshirani 2010, §2.5). With
 * --folds, each λ also gets its cross-validated mse from the per-fold moments, so the curve costs no pass.
 */
final class RegularizationPath {
    static final double RATIO = 1e-3;

    private RegularizationPath() {
    }

    static List<Map<String, Object>> compute(LinearPassAggregator pass, List<String> features, LinearOptions o) {
        int k = Math.max(1, o.grouping().folds());
        MomentMatrix train = pass.sum(0, k);
        ElasticNetOptions eo = new ElasticNetOptions(o.alpha(), o.standardize(), o.tol(), o.maxIter());
        List<ElasticNetFit> fits = new ElasticNet(MomentViews.crossProducts(train, o.intercept()), features, eo)
                .path(o.pathLength(), RATIO);
        double[] cv = o.grouping().folds() > 1 ? cvCurve(pass, features, o, eo, fits) : null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < fits.size(); i++) {
            ElasticNetFit f = fits.get(i);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("lambda", f.lambda());
            e.put("intercept", f.intercept());
            e.put("coefficients", f.coefficients());
            e.put("nonZero", f.nonZero());
            e.put("trainMse", MomentViews.rss(train, f.intercept(), f.coefficients()) / train.weight());
            if (cv != null) {
                e.put("cvMse", cv[i]);
            }
            out.add(e);
        }
        return out;
    }

    private static double[] cvCurve(LinearPassAggregator pass, List<String> features, LinearOptions o,
                                    ElasticNetOptions eo, List<ElasticNetFit> fits) {
        int k = o.grouping().folds();
        MomentMatrix all = pass.sum(0, k);
        double[] rss = new double[fits.size()];
        double n = 0;
        for (int f = 0; f < k; f++) {
            MomentMatrix held = pass.moments(f);
            if (held.weight() == 0) {
                continue;
            }
            n += held.weight();
            MomentMatrix train = new MomentMatrix(all.dimension());
            train.add(all, 1);
            train.add(held, -1);
            ElasticNet en = new ElasticNet(MomentViews.crossProducts(train, o.intercept()), features, eo);
            ElasticNetFit prev = null;
            for (int i = 0; i < fits.size(); i++) {
                ElasticNetFit fit = prev == null ? en.fit(fits.get(i).lambda()) : en.fit(fits.get(i).lambda(), prev);
                rss[i] += MomentViews.rss(held, fit.intercept(), fit.coefficients());
                prev = fit;
            }
        }
        for (int i = 0; i < rss.length; i++) {
            rss[i] /= n;
        }
        return rss;
    }
}
