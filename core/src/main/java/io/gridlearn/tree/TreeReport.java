package io.gridlearn.tree;

import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.report.Html;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report section of {@code gbt} and {@code random-forest} models.
 *
 * <p>From the model: the feature importance ({@link TreeImportance}: a bar chart of each feature's share of the
 * total gain and a table of gain, cover, splits and totals), the metrics by split, and for a gbt fit with a
 * held-out share its held-out score per round ({@code summary.testScores}). With data: the loss after every round
 * or tree on the data ({@link TreeLossKernel}), split into the fit's training rows and held-out rows when the data
 * is the fit's dataset and the fit held rows out; for classifiers the confusion matrix on the data, and for binary
 * ones (logistic gbt, Gini forest) the ROC curve and calibration from score histograms built next to the data
 * ({@link ReportCharts#rocAndCalibration}, as the logistic learner's section).
 */
final class TreeReport implements ReportSection {
    static final int SCORE_BINS = 50;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        boolean gbt = GbtModel.ALGORITHM.equals(m.algorithm());
        String unit = gbt ? "round" : "tree";
        out.heading("Loss per " + unit);
        if (!lossOnData(c, out, unit) && gbt && m.summary() != null) {
            double[] scores = ReportCharts.summaryVector(m, "testScores");
            if (scores != null && scores.length > 0) {
                String metric = String.valueOf(m.summary().get("testMetric"));
                out.chart(curve("Held-out " + metric + " per " + unit, unit, metric, List.of(scores),
                        List.of("held-out")));
            }
            out.note("Loss per " + unit + " on the training rows is drawn when the report is given data (--data or"
                    + " --csv); the held-out curve, when the fit had --test-fraction, comes from summary.testScores.");
        }
        importance(m, out);
        Svg metrics = ReportCharts.metricsBySplit(m, "Metrics by split", "value",
                m.classes() != null ? List.of("accuracy", "auc", "logLoss") : List.of("r2", "rmse", "mae"));
        if (metrics != null) {
            out.chart(metrics);
        }
        if (m.classes() != null && c.hasData()) {
            ReportCharts.confusionOnData(c, out);
            if (m.classes().size() == 2) {
                ReportCharts.rocAndCalibration(c, out, SCORE_BINS);
            }
        }
        return out.render();
    }

    /** The loss after every step on the report's data; false when there is no data. */
    private static boolean lossOnData(ReportContext c, SectionWriter out, String unit) {
        if (!c.hasData()) {
            return false;
        }
        ModelDocument m = c.model();
        String dataset = c.dataset().orElseThrow();
        Map<String, Object> prov = m.provenance();
        Object opts = prov == null ? null : prov.get("options");
        double fraction = opts instanceof Map<?, ?> o && o.get("testFraction") instanceof Number f ? f.doubleValue()
                : 0;
        long seed = prov != null && prov.get("seed") instanceof Number s ? s.longValue() : 42L;
        boolean same = prov != null && dataset.equals(prov.get("dataset"));
        double split = same ? fraction : 0;
        String json = ModelJson.write(m);
        Optional<double[]> sums = c.sum(schema -> new TreeLossKernel(json,
                FeatureBinding.inputColumns(m, schema.columns(), "dataset '" + dataset + "'"),
                FeatureBinding.targetColumn(m, schema.columns()), split, seed));
        if (sums.isEmpty()) {
            return false;
        }
        String metric = m.classes() == null ? "rmse" : m.classes().size() > 2 ? "mlogloss" : "logloss";
        List<double[]> ys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] train = TreeLossKernel.curve(m, sums.get(), 0);
        double[] held = TreeLossKernel.curve(m, sums.get(), 1);
        if (train != null) {
            ys.add(train);
            names.add(split > 0 ? "training rows" : dataset);
        }
        if (held != null) {
            ys.add(held);
            names.add("held-out rows");
        }
        if (ys.isEmpty()) {
            return false;
        }
        out.chart(curve(metric + " per " + unit + " on " + dataset, unit, metric, ys, names));
        out.note(split > 0
                ? "The rows of " + dataset + " split as the fit split them (--test-fraction " + Html.num(split)
                        + ", seed " + seed + "): the rows it was fit on and the held-out rows; unweighted, rows with a"
                        + " missing label left out. Final " + metric + ": " + finals(ys, names) + "."
                : "Every row of " + dataset + (same ? " (the fit's dataset; it held no rows out)" : "")
                        + ", unweighted, rows with a missing label left out. Final " + metric + ": "
                        + finals(ys, names) + ".");
        return true;
    }

    private static String finals(List<double[]> ys, List<String> names) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            parts.add(names.get(i) + " " + Html.num(ys.get(i)[ys.get(i).length - 1]));
        }
        return String.join(", ", parts);
    }

    private static Svg curve(String title, String unit, String metric, List<double[]> ys, List<String> names) {
        Svg svg = new Svg(title, SectionWriter.W, SectionWriter.H).labels(unit, metric);
        for (int i = 0; i < ys.size(); i++) {
            double[] y = ys.get(i);
            double[] x = new double[y.length];
            for (int s = 0; s < x.length; s++) {
                x[s] = s + 1;
            }
            String colour = Svg.PALETTE[i % Svg.PALETTE.length];
            svg.line(x, y, colour, false).legend(names.get(i), colour);
        }
        return svg;
    }

    /** The importance bar chart (share of the total gain) and table, from the model's trees. */
    private static void importance(ModelDocument m, SectionWriter out) {
        Map<String, double[]> imp = TreeImportance.of(m);
        double[] total = imp.get("totalGain");
        double sum = 0;
        for (double v : total) {
            sum += v;
        }
        int d = m.features().size();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            order.add(j);
        }
        order.sort((a, b) -> Double.compare(total[b], total[a]));
        String[] names = new String[d];
        double[] share = new double[d];
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            int j = order.get(i);
            names[i] = m.features().get(j);
            share[i] = sum > 0 ? total[j] / sum : 0;
            rows.add(List.of(names[i], imp.get("gain")[j], imp.get("cover")[j], (long) imp.get("frequency")[j],
                    total[j], imp.get("totalCover")[j], Html.num(100 * share[i]) + "%"));
        }
        out.heading("Feature importance");
        out.chart(new Svg("Share of the total gain", SectionWriter.W, SectionWriter.H).labels("feature", "share")
                .bars(names, share, Svg.PALETTE[2]));
        out.table(List.of("feature", "gain", "cover", "splits", "total gain", "total cover", "share of gain"), rows);
        out.note("XGBoost's get_score definitions over every split of every tree: gain and cover are the means over"
                + " a feature's splits of the loss reduction and of the node's Hessian sum (for a forest, its"
                + " bootstrap weight), splits XGBoost's 'weight'; the same numbers as the model JSON's importance"
                + " field.");
    }
}
