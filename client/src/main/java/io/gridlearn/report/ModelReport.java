package io.gridlearn.report;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.pass.GridPassRunner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Builds the HTML report of a model: summary tables, then the charts that fit the learner. Everything drawn
 * from data comes from passes next to the data (a bounded seeded sample, score histograms), never from
 * collecting every row.
 */
public final class ModelReport {
    public static final int DEFAULT_SAMPLE = 2000;
    public static final int SCORE_BINS = 50;
    static final Set<String> LINEAR = Set.of("linear", "ridge", "lasso", "elastic-net");
    static final Set<String> ITERATIVE = Set.of("logistic", "softmax", "kmeans");
    private static final int W = 540;
    private static final int H = 360;

    private final HazelcastInstance hz;
    private final ModelDocument m;
    private final String dataset;
    private final boolean fromStore;
    private final int sampleSize;
    private final long seed;
    private final StringBuilder body = new StringBuilder();
    private final List<String> charts = new ArrayList<>();

    /**
     * @param hz         the grid (for data passes and the store's history)
     * @param dataset    the dataset to draw data plots from, or null for none
     * @param fromStore  true when the model came from the store by name (its history is then read)
     */
    public ModelReport(HazelcastInstance hz, ModelDocument m, String dataset, boolean fromStore, int sampleSize, long seed) {
        this.hz = hz;
        this.m = m;
        this.dataset = dataset;
        this.fromStore = fromStore;
        this.sampleSize = sampleSize;
        this.seed = seed;
    }

    public String render() {
        body.append("<h1>Model report: ").append(Html.esc(m.name())).append("</h1>");
        body.append("<p class=\"note\">").append(Html.esc(m.algorithm())).append(" model, version ").append(m.version())
                .append(m.target() != null ? ", target <b>" + Html.esc(m.target()) + "</b>" : "")
                .append(dataset != null ? "; plots from dataset <b>" + Html.esc(dataset) + "</b>" : "; no data given (--data): plots from the model only")
                .append(".</p>");
        coefficients();
        summary();
        metrics();
        provenance();
        body.append("<h2>Charts</h2>");
        int before = body.length();
        if (LINEAR.contains(m.algorithm())) {
            linearCharts();
        }
        if (ITERATIVE.contains(m.algorithm())) {
            objectiveChart();
        }
        if (m.algorithm().equals("logistic") || m.algorithm().equals("softmax") || m.algorithm().equals("naive-bayes")) {
            classifierCharts();
        }
        if (m.algorithm().equals("kmeans")) {
            kmeansCharts();
        }
        if (m.algorithm().equals("pca")) {
            scree();
        }
        flushCharts();
        if (body.length() == before) {
            body.append("<p class=\"note\">No charts for this model and these inputs.</p>");
        }
        return Html.page("gridlearn report: " + m.name(), body.toString());
    }

    private void flushCharts() {
        if (!charts.isEmpty()) {
            body.append("<div class=\"charts\">");
            charts.forEach(body::append);
            body.append("</div>");
            charts.clear();
        }
    }

    private void note(String s) {
        flushCharts();
        body.append("<p class=\"note\">").append(Html.esc(s)).append("</p>");
    }

    // ---- tables ----

    private void coefficients() {
        if (m.coefficients() == null || m.features() == null) {
            return;
        }
        boolean se = m.standardErrors() != null;
        Object dfObj = m.summary() == null ? null : m.summary().get("dfResid");
        double tc = se && dfObj instanceof Number df ? ReportMath.tQuantile(0.975, df.doubleValue()) : Double.NaN;
        List<String> header = new ArrayList<>(List.of("term", "estimate"));
        if (se) {
            header.addAll(List.of("std. error", "t", "p", "95% CI low", "95% CI high"));
        }
        List<List<Object>> rows = new ArrayList<>();
        if (m.intercept() != null) {
            rows.add(row("(intercept)", m.intercept(), m.interceptStandardError(), summaryNumber(m, "interceptTValue"),
                    summaryNumber(m, "interceptPValue"), tc, se));
        }
        for (int j = 0; j < m.features().size(); j++) {
            rows.add(row(m.features().get(j), m.coefficients()[j], se ? m.standardErrors()[j] : null,
                    m.tValues() == null ? Double.NaN : m.tValues()[j], m.pValues() == null ? Double.NaN : m.pValues()[j], tc, se));
        }
        body.append("<h2>Coefficients</h2>");
        if (se) {
            body.append("<p class=\"note\">95% confidence intervals: estimate ± t(0.975, df = ")
                    .append(Html.value(dfObj)).append(") × standard error, t = ").append(Html.num(tc)).append(".</p>");
        }
        body.append(Html.table(header, rows));
    }

    private static double summaryNumber(ModelDocument m, String key) {
        Object v = m.summary() == null ? null : m.summary().get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static List<Object> row(String term, double est, Double se, double t, double p, double tc, boolean withSe) {
        List<Object> r = new ArrayList<>();
        r.add(term);
        r.add(est);
        if (withSe) {
            boolean has = se != null && Double.isFinite(se);
            r.add(has ? se : null);
            r.add(Double.isNaN(t) ? (has ? est / se : null) : t);
            r.add(Double.isNaN(p) ? null : p);
            r.add(has && Double.isFinite(tc) ? est - tc * se : null);
            r.add(has && Double.isFinite(tc) ? est + tc * se : null);
        }
        return r;
    }

    private void summary() {
        if (m.summary() == null || m.summary().isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : m.summary().entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> l && l.size() > 12) {
                v = "(" + l.size() + " values)";
            } else if (v instanceof Map<?, ?> || v instanceof double[] || v instanceof long[][]) {
                v = String.valueOf(v instanceof List<?> ? v : v instanceof Map<?, ?> ? v : "(array)");
            }
            rows.add(List.of(e.getKey(), v == null ? "" : v));
        }
        body.append("<h2>Summary</h2>").append(Html.table(List.of("statistic", "value"), rows));
    }

    private void metrics() {
        if (m.metrics() == null || m.metrics().isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        m.metrics().forEach((split, map) -> map.forEach((k, v) -> rows.add(List.of(split, k, v == null ? Double.NaN : v))));
        body.append("<h2>Metrics</h2>").append(Html.table(List.of("split", "metric", "value"), rows));
    }

    private void provenance() {
        if (m.provenance() == null) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        m.provenance().forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v instanceof Number ? v : String.valueOf(v))));
        body.append("<h2>Provenance</h2>").append(Html.table(List.of("field", "value"), rows));
    }

    // ---- data access ----

    /** Sampled rows (features, then the target when {@code withTarget}); records the sampling note. */
    private double[][] sample(boolean withTarget) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        int[] features = FeatureBinding.featureColumns(m, schema.columns(), "dataset '" + dataset + "'");
        int target = withTarget ? FeatureBinding.targetColumn(m, schema.columns()) : -1;
        if (withTarget && target < 0) {
            note("Dataset " + dataset + " has no target column " + m.target() + ": no residual plots.");
            return null;
        }
        double fraction = schema.rows() == 0 ? 1 : Math.min(1.0, sampleSize / (double) schema.rows());
        SortedMap<Long, double[]> s = new GridPassRunner(catalog, schema).sample(new ReportSampler(features, target, fraction, seed));
        List<Map.Entry<Long, double[]>> kept = new ArrayList<>(s.entrySet());
        if (kept.size() > sampleSize) {
            kept.sort(Comparator.comparingDouble(e -> ReportSampler.uniform(e.getKey(), seed)));
            kept = kept.subList(0, sampleSize);
        }
        double[][] rows = new double[kept.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = kept.get(i).getValue();
        }
        sampleNote = "Points are a seeded sample drawn next to the data: " + rows.length + " of " + schema.rows()
                + " rows (rows whose hash of row id and seed " + seed + " falls under " + Html.num(fraction)
                + ", at most " + sampleSize + "; rows with a missing value are left out).";
        return rows;
    }

    private String sampleNote;

    // ---- linear family ----

    private void linearCharts() {
        if (dataset != null) {
            double[][] rows = sample(true);
            if (rows != null && rows.length > 1) {
                RowPredictor p = Predictors.of(m);
                int n = rows.length;
                int q = m.features().size();
                double[] fitted = new double[n];
                double[] resid = new double[n];
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    fitted[i] = p.predict(Arrays.copyOf(rows[i], q));
                    y[i] = rows[i][q];
                    resid[i] = y[i] - fitted[i];
                }
                charts.add(new Svg("Residuals vs fitted", W, H).labels("fitted " + m.target(), "residual")
                        .points(fitted, resid, Svg.PALETTE[0]).hline(0, "#d62728").render());
                double[] sorted = resid.clone();
                Arrays.sort(sorted);
                double mean = Arrays.stream(sorted).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(sorted).map(r -> (r - mean) * (r - mean)).sum() / Math.max(1, n - 1));
                double[] z = new double[n];
                double[] ref = new double[n];
                for (int i = 0; i < n; i++) {
                    z[i] = ReportMath.normalQuantile((i + 0.5) / n);
                    ref[i] = mean + sd * z[i];
                }
                charts.add(new Svg("Normal Q-Q plot of residuals", W, H).labels("theoretical normal quantile", "residual quantile")
                        .points(z, sorted, Svg.PALETTE[0]).line(z, ref, "#d62728", true).render());
                charts.add(new Svg("Observed vs fitted", W, H).labels("fitted " + m.target(), "observed " + m.target())
                        .points(fitted, y, Svg.PALETTE[2]).diagonal().render());
                int bins = 30;
                double lo = sorted[0];
                double hi = sorted[n - 1];
                double[] counts = new double[bins];
                double[] centres = new double[bins];
                double width = (hi - lo) / bins;
                for (double r : sorted) {
                    counts[ColumnHistogramKernel.bin(r, lo, hi, bins)]++;
                }
                for (int k = 0; k < bins; k++) {
                    centres[k] = lo + (k + 0.5) * width;
                }
                charts.add(new Svg("Histogram of residuals", W, H).labels("residual", "rows")
                        .histogram(centres, counts, width == 0 ? 1 : width, Svg.PALETTE[0]).render());
                note(sampleNote);
            }
        }
        if (m.path() != null && !m.path().isEmpty()) {
            pathCharts();
        }
    }

    private void pathCharts() {
        List<Map<String, Object>> path = m.path();
        int n = path.size();
        double[] logL = new double[n];
        for (int i = 0; i < n; i++) {
            logL[i] = Math.log(((Number) path.get(i).get("lambda")).doubleValue());
        }
        Svg paths = new Svg("Coefficient paths", W, H).labels("log λ", "coefficient");
        int q = m.features().size();
        for (int j = 0; j < q; j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = coefficient(path.get(i).get("coefficients"), j);
            }
            String colour = Svg.PALETTE[j % Svg.PALETTE.length];
            paths.line(logL, c, colour, j >= Svg.PALETTE.length);
            if (j < 8) {
                paths.legend(m.features().get(j), colour);
            }
        }
        charts.add(paths.render());
        if (path.get(0).get("cvMse") != null) {
            double[] cv = new double[n];
            double[] train = new double[n];
            for (int i = 0; i < n; i++) {
                cv[i] = ((Number) path.get(i).get("cvMse")).doubleValue();
                Object t = path.get(i).get("trainMse");
                train[i] = t instanceof Number x ? x.doubleValue() : Double.NaN;
            }
            charts.add(new Svg("Cross-validation curve", W, H).labels("log λ", "mean squared error")
                    .line(logL, cv, Svg.PALETTE[1], false).points(logL, cv, Svg.PALETTE[1])
                    .line(logL, train, Svg.PALETTE[0], true).legend("CV MSE", Svg.PALETTE[1])
                    .legend("training MSE", Svg.PALETTE[0]).render());
        }
        note("Regularisation path of " + n + " λ values, from the model's path.");
    }

    private static double coefficient(Object list, int j) {
        if (list instanceof double[] a) {
            return a[j];
        }
        if (list instanceof List<?> l) {
            return ((Number) l.get(j)).doubleValue();
        }
        return Double.NaN;
    }

    // ---- iterative learners ----

    private void objectiveChart() {
        if (!fromStore) {
            note("Objective per iteration: give the model by name (--model) to read its checkpoints from the store.");
            return;
        }
        List<ModelDocument> history = ModelStore.forInstance(hz).history(m.name());
        List<double[]> pts = new ArrayList<>();
        for (ModelDocument d : history) {
            if (d.version() > m.version() || d.summary() == null) {
                continue;
            }
            if (d.summary().get("iteration") instanceof Number it && d.summary().get("objective") instanceof Number ob) {
                pts.add(new double[] {it.doubleValue(), ob.doubleValue()});
            }
        }
        // a later fit restarts the iteration count: keep the run ending in this version
        int start = 0;
        for (int i = 1; i < pts.size(); i++) {
            if (pts.get(i)[0] <= pts.get(i - 1)[0]) {
                start = i;
            }
        }
        pts = pts.subList(start, pts.size());
        if (pts.isEmpty()) {
            note("The store holds no checkpoints with an iteration and objective for " + m.name() + ".");
            return;
        }
        double[] x = pts.stream().mapToDouble(a -> a[0]).toArray();
        double[] y = pts.stream().mapToDouble(a -> a[1]).toArray();
        charts.add(new Svg("Objective per iteration", W, H).labels("iteration", "objective")
                .line(x, y, Svg.PALETTE[0], false).points(x, y, Svg.PALETTE[0]).render());
        note("Objective per iteration from " + pts.size() + " checkpoint(s) in the model store (versions up to " + m.version() + ").");
    }

    // ---- classifiers ----

    private void classifierCharts() {
        if (dataset == null) {
            return;
        }
        Map<String, Object> ev = GridScoring.evaluateAny(hz, m, dataset);
        if (ev.get("confusionMatrix") instanceof long[][] cm) {
            List<String> header = new ArrayList<>(List.of("true \\ predicted"));
            for (Integer c : m.classes()) {
                header.add(String.valueOf(c));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int t = 0; t < cm.length; t++) {
                List<Object> r = new ArrayList<>();
                r.add(String.valueOf(m.classes().get(t)));
                for (long v : cm[t]) {
                    r.add(v);
                }
                rows.add(r);
            }
            flushCharts();
            body.append("<h3>Confusion matrix on ").append(Html.esc(dataset)).append("</h3><p class=\"note\">accuracy ")
                    .append(Html.value(ev.get("accuracy"))).append(", log loss ").append(Html.value(ev.get("logLoss")))
                    .append(", ").append(Html.value(ev.get("rows"))).append(" rows (all rows, computed next to the data).</p>")
                    .append(Html.table(header, rows));
        }
        if (m.algorithm().equals("logistic") && m.classes() != null && m.classes().size() == 2) {
            rocAndCalibration();
        }
    }

    private void rocAndCalibration() {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        int[] features = FeatureBinding.featureColumns(m, schema.columns(), "dataset '" + dataset + "'");
        int target = FeatureBinding.targetColumn(m, schema.columns());
        int b = SCORE_BINS;
        double[] s = new GridPassRunner(catalog, schema).sum(new ScoreHistogramKernel(ModelJson.write(m), features, target, b));
        double pos = 0;
        double neg = 0;
        for (int k = 0; k < b; k++) {
            neg += s[k];
            pos += s[b + k];
        }
        double[] fpr = new double[b + 1];
        double[] tpr = new double[b + 1];
        double tp = 0;
        double fp = 0;
        double auc = 0;
        for (int k = b - 1, i = 1; k >= 0; k--, i++) {
            double tp2 = tp + s[b + k];
            double fp2 = fp + s[k];
            auc += (fp2 - fp) * (tp + tp2) / 2;
            tp = tp2;
            fp = fp2;
            fpr[i] = neg == 0 ? 0 : fp / neg;
            tpr[i] = pos == 0 ? 0 : tp / pos;
        }
        auc = pos * neg == 0 ? Double.NaN : auc / (pos * neg);
        charts.add(new Svg("ROC curve (AUC " + Html.num(auc) + ", binned)", W, H).labels("false positive rate", "true positive rate")
                .range(0, 1, 0, 1).line(fpr, tpr, Svg.PALETTE[0], false).diagonal().render());
        int cb = 10;
        List<double[]> cal = new ArrayList<>();
        for (int g = 0; g < cb; g++) {
            double cnt = 0;
            double sp = 0;
            double np = 0;
            for (int k = g * b / cb; k < (g + 1) * b / cb; k++) {
                cnt += s[k] + s[b + k];
                np += s[b + k];
                sp += s[2 * b + k];
            }
            if (cnt > 0) {
                cal.add(new double[] {sp / cnt, np / cnt});
            }
        }
        double[] cx = cal.stream().mapToDouble(a -> a[0]).toArray();
        double[] cy = cal.stream().mapToDouble(a -> a[1]).toArray();
        charts.add(new Svg("Calibration", W, H).labels("mean predicted probability", "observed frequency of class 1")
                .range(0, 1, 0, 1).line(cx, cy, Svg.PALETTE[1], false).points(cx, cy, Svg.PALETTE[1]).diagonal().render());
        note("ROC and AUC are computed from score histograms built next to the data: the predicted probability of class 1 "
                + "binned into " + b + " equal bins over " + (long) (pos + neg) + " rows (" + (long) pos + " positive, "
                + (long) neg + " negative); rows within a bin count as ties. Calibration groups the bins into " + cb
                + " bins of width 0.1.");
    }

    // ---- k-means and PCA ----

    private void kmeansCharts() {
        if (m.summary() != null && m.summary().get("clusterSizes") instanceof List<?> sizes) {
            String[] names = new String[sizes.size()];
            double[] v = new double[sizes.size()];
            for (int k = 0; k < v.length; k++) {
                names[k] = "cluster " + k;
                v[k] = ((Number) sizes.get(k)).doubleValue();
            }
            charts.add(new Svg("Cluster sizes", W, H).labels("cluster", "rows").bars(names, v, Svg.PALETTE[0]).render());
        }
        if (dataset == null) {
            return;
        }
        double[][] rows = sample(false);
        if (rows == null || rows.length < 2) {
            return;
        }
        double[][] centres = m.centers();
        double[][] cOut = new double[2][centres.length];
        double[][] pc = ReportMath.projectOnTwoComponents(rows, centres, cOut);
        RowPredictor p = Predictors.of(m);
        Svg svg = new Svg("Sampled points on the first two principal components", W, H).labels("PC 1", "PC 2");
        for (int k = 0; k < centres.length; k++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if ((int) p.predict(rows[i]) == k) {
                    idx.add(i);
                }
            }
            double[] xs = idx.stream().mapToDouble(i -> pc[0][i]).toArray();
            double[] ys = idx.stream().mapToDouble(i -> pc[1][i]).toArray();
            String colour = Svg.PALETTE[k % Svg.PALETTE.length];
            svg.points(xs, ys, colour).legend("cluster " + k + " (" + idx.size() + ")", colour);
        }
        svg.points(cOut[0], cOut[1], "#000").legend("centres", "#000");
        charts.add(svg.render());
        note(sampleNote + " Components are computed from the sample on the client; points are coloured by nearest centre.");
    }

    private void scree() {
        double[] r = m.explainedVarianceRatio();
        if (r == null) {
            return;
        }
        double[] x = new double[r.length];
        double[] cum = new double[r.length];
        String[] names = new String[r.length];
        double c = 0;
        for (int i = 0; i < r.length; i++) {
            x[i] = i;
            c += r[i];
            cum[i] = c;
            names[i] = "PC " + (i + 1);
        }
        charts.add(new Svg("Scree plot", W, H).labels("component", "explained variance ratio")
                .bars(names, r, Svg.PALETTE[0]).line(x, cum, Svg.PALETTE[1], false).points(x, cum, Svg.PALETTE[1])
                .legend("ratio", Svg.PALETTE[0]).legend("cumulative", Svg.PALETTE[1]).render());
    }
}
