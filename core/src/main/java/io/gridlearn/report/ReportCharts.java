package io.gridlearn.report;

import io.gridlearn.model.ModelDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Charts several learners' report sections share: the objective per iteration from the store's checkpoints,
 * coefficients with error bars, metrics by split and confusion matrices. Each returns or adds nothing when the
 * model or the context lacks what it needs.
 */
public final class ReportCharts {
    private ReportCharts() {
    }

    /**
     * Adds the objective per iteration of an iterative fit, read from the model's checkpoints in the store (the
     * run that ends in the model's version), or a note saying why there is none.
     *
     * @param c   the report context
     * @param out the section
     */
    public static void objectivePerIteration(ReportContext c, SectionWriter out) {
        ModelDocument m = c.model();
        if (!c.fromStore()) {
            out.note("Objective per iteration: drawn from the checkpoints in the model store when the model is given "
                    + "by name (--model) rather than as a file.");
            return;
        }
        List<double[]> pts = new ArrayList<>();
        for (ModelDocument d : c.history()) {
            if (d.summary() == null) {
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
            out.note("The store holds no checkpoints with an iteration and objective for " + m.name() + ".");
            return;
        }
        double[] x = pts.stream().mapToDouble(a -> a[0]).toArray();
        double[] y = pts.stream().mapToDouble(a -> a[1]).toArray();
        out.chart(new Svg("Objective per iteration", SectionWriter.W, SectionWriter.H).labels("iteration", "objective")
                .line(x, y, Svg.PALETTE[0], false).points(x, y, Svg.PALETTE[0]));
        out.note("Objective per iteration from " + pts.size() + " checkpoint(s) in the model store (versions up to "
                + m.version() + ").");
    }

    /**
     * A bar per term, with error bars of ± {@code width} standard errors where {@code se} is given.
     *
     * @param title  the chart's title
     * @param terms  the term names
     * @param values the estimates
     * @param se     the standard errors, or null
     * @param width  the multiple of the standard error the bars span each side
     * @return the chart
     */
    public static Svg coefficients(String title, List<String> terms, double[] values, double[] se, double width) {
        String[] names = terms.toArray(new String[0]);
        Svg svg = new Svg(title, SectionWriter.W, SectionWriter.H).labels("term", "estimate")
                .bars(names, values, Svg.PALETTE[0]).hline(0, "#888");
        if (se != null) {
            double[] x = new double[values.length];
            double[] lo = new double[values.length];
            double[] hi = new double[values.length];
            for (int j = 0; j < values.length; j++) {
                x[j] = j;
                lo[j] = values[j] - width * se[j];
                hi[j] = values[j] + width * se[j];
            }
            svg.errorBars(x, lo, hi, "#222");
        }
        return svg;
    }

    /**
     * Bars of the model's metrics {@code keys} for each split ({@code train}, {@code test}, {@code cv}) that has
     * them, grouped by metric; null when the model has none of them.
     *
     * @param m      the model
     * @param title  the chart's title
     * @param yLabel the y axis label
     * @param keys   the metric names, drawn in this order
     * @return the chart, or null
     */
    public static Svg metricsBySplit(ModelDocument m, String title, String yLabel, List<String> keys) {
        if (m.metrics() == null) {
            return null;
        }
        List<String> splits = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : m.metrics().entrySet()) {
            boolean any = false;
            for (String k : keys) {
                Object v = e.getValue() == null ? null : e.getValue().get(k);
                if (v instanceof Number d && Double.isFinite(d.doubleValue())) {
                    any = true;
                    if (!present.contains(k)) {
                        present.add(k);
                    }
                }
            }
            if (any) {
                splits.add(e.getKey());
            }
        }
        if (splits.isEmpty()) {
            return null;
        }
        List<String> ordered = keys.stream().filter(present::contains).toList();
        Svg svg = new Svg(title, SectionWriter.W, SectionWriter.H).labels("metric", yLabel)
                .categories(ordered.toArray(new String[0]));
        double w = 0.8 / splits.size();
        for (int s = 0; s < splits.size(); s++) {
            double[] x = new double[ordered.size()];
            double[] v = new double[ordered.size()];
            for (int k = 0; k < ordered.size(); k++) {
                x[k] = k + (s - (splits.size() - 1) / 2.0) * w;
                Object d = m.metrics().get(splits.get(s)).get(ordered.get(k));
                v[k] = d instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            String colour = Svg.PALETTE[s % Svg.PALETTE.length];
            svg.histogram(x, v, w, colour).legend(splits.get(s), colour);
        }
        return svg;
    }

    /**
     * A confusion matrix as a shaded grid, true classes down, predicted classes across.
     *
     * @param title   the chart's title
     * @param classes the class labels
     * @param counts  the counts, true by predicted
     * @return the chart
     */
    public static String confusionChart(String title, List<?> classes, double[][] counts) {
        String[] names = classes.stream().map(String::valueOf).toArray(String[]::new);
        return Svg.heatmap(title, "true class", "predicted class", names, names, counts, SectionWriter.W, SectionWriter.H);
    }

    /**
     * A matrix of counts as the model's summary holds it after a fit ({@code long[][]}) or after JSON
     * ({@code List} of {@code List} of numbers); null when it is neither.
     *
     * @param o the value
     * @return the matrix, or null
     */
    public static double[][] matrix(Object o) {
        if (o instanceof long[][] a) {
            double[][] r = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                r[i] = new double[a[i].length];
                for (int j = 0; j < a[i].length; j++) {
                    r[i][j] = a[i][j];
                }
            }
            return r;
        }
        if (o instanceof int[][] a) {
            double[][] r = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                r[i] = new double[a[i].length];
                for (int j = 0; j < a[i].length; j++) {
                    r[i][j] = a[i][j];
                }
            }
            return r;
        }
        if (o instanceof double[][] a) {
            return a;
        }
        if (o instanceof List<?> l) {
            double[][] r = new double[l.size()][];
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof List<?> row)) {
                    return null;
                }
                r[i] = new double[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    if (!(row.get(j) instanceof Number n)) {
                        return null;
                    }
                    r[i][j] = n.doubleValue();
                }
            }
            return r;
        }
        return null;
    }

    /**
     * Adds the training confusion matrix the model's summary holds ({@code confusionMatrix}), as a chart.
     *
     * @param m   the model
     * @param out the section
     */
    public static void trainingConfusion(ModelDocument m, SectionWriter out) {
        double[][] cm = m.summary() == null ? null : matrix(m.summary().get("confusionMatrix"));
        if (cm != null && m.classes() != null && cm.length == m.classes().size()) {
            out.chart(confusionChart("Confusion matrix on the training rows", m.classes(), cm));
        }
    }

    /**
     * With data, adds the confusion matrix of the model on every row of the dataset (a pass next to the data),
     * as a table with accuracy and log loss, and as a chart.
     *
     * @param c   the report context
     * @param out the section
     */
    public static void confusionOnData(ReportContext c, SectionWriter out) {
        if (!c.hasData()) {
            return;
        }
        ModelDocument m = c.model();
        Map<String, Object> ev = c.evaluate();
        if (!(ev.get("confusionMatrix") instanceof long[][] cm)) {
            return;
        }
        String dataset = c.dataset().orElseThrow();
        List<String> header = new ArrayList<>(List.of("true \\ predicted"));
        for (Integer k : m.classes()) {
            header.add(String.valueOf(k));
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
        out.html("<h3>Confusion matrix on " + Html.esc(dataset) + "</h3><p class=\"note\">accuracy "
                + Html.value(ev.get("accuracy")) + ", log loss " + Html.value(ev.get("logLoss")) + ", "
                + Html.value(ev.get("rows")) + " rows (all rows, computed next to the data).</p>");
        out.table(header, rows);
        out.chart(confusionChart("Confusion matrix on " + dataset, m.classes(), matrix(cm)));
    }

    /**
     * A number from the model's summary, or NaN.
     *
     * @param m   the model
     * @param key the summary key
     * @return the value, or NaN
     */
    public static double summaryNumber(ModelDocument m, String key) {
        Object v = m.summary() == null ? null : m.summary().get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * A list of numbers from the model's summary ({@code double[]} or a JSON list), or null.
     *
     * @param m   the model
     * @param key the summary key
     * @return the values, or null
     */
    public static double[] summaryVector(ModelDocument m, String key) {
        Object v = m.summary() == null ? null : m.summary().get(key);
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.stream(a).asDoubleStream().toArray();
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).asDoubleStream().toArray();
        }
        if (v instanceof List<?> l) {
            double[] r = new double[l.size()];
            for (int i = 0; i < r.length; i++) {
                if (!(l.get(i) instanceof Number n)) {
                    return null;
                }
                r[i] = n.doubleValue();
            }
            return r;
        }
        return null;
    }

    /**
     * The ROC curve (with its AUC) and the calibration of a binary classifier on the report's data, from the score
     * histogram built next to the data ({@link ReportContext#scoreHistogram}); nothing without data.
     *
     * @param c    the report context
     * @param out  the section
     * @param bins the score histogram's equal bins on [0, 1]
     */
    public static void rocAndCalibration(ReportContext c, SectionWriter out, int bins) {
        if (!c.hasData()) {
            return;
        }
        int b = bins;
        double[] s = c.scoreHistogram(b);
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
        out.chart(new Svg("ROC curve (AUC " + Html.num(auc) + ", binned)", SectionWriter.W, SectionWriter.H).labels("false positive rate", "true positive rate")
                .range(0, 1, 0, 1).line(fpr, tpr, Svg.PALETTE[0], false).diagonal());
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
        out.chart(new Svg("Calibration", SectionWriter.W, SectionWriter.H).labels("mean predicted probability", "observed frequency of class 1")
                .range(0, 1, 0, 1).line(cx, cy, Svg.PALETTE[1], false).points(cx, cy, Svg.PALETTE[1]).diagonal());
        out.note("ROC and AUC are computed from score histograms built next to the data: the predicted probability of class 1 "
                + "binned into " + b + " equal bins over " + (long) (pos + neg) + " rows (" + (long) pos + " positive, "
                + (long) neg + " negative); rows within a bin count as ties. Calibration groups the bins into " + cb
                + " bins of width 0.1.");
    }
}
