package io.gridlearn.glm;

import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.FeatureBinding;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.report.Html;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The report section of a GLM. From the model: its coefficients (link scale) with ± 2 standard errors, their z
 * statistics against ± 1.96, for a log or logit link the multiplicative effects e^b with 95% intervals
 * e^(b ± 1.96 se) (rate or odds ratios), the null and residual deviance and Pearson's χ², and the objective per
 * iteration from the store's checkpoints. With data:
 * <ul>
 *   <li>deviance residuals against fitted means on a seeded sample drawn next to the data: rᴰ = sign(y − μ) √d(y, μ),
 *       d the family's unit deviance (statsmodels' {@code resid_deviance}), μ = g⁻¹(b₀ + x·b + offset);</li>
 *   <li>calibration: every row, next to the data, grouped by its predicted mean into bins whose edges are the
 *       deciles of the sampled predictions ({@link GlmCalibrationKernel}); per bin the mean observed response
 *       Σf·y / Σf against the mean prediction Σf·μ / Σf (f the frequency weights when the model has them and the
 *       data holds the column, else 1), with the line y = x of a calibrated model.</li>
 * </ul>
 */
final class GlmReport implements ReportSection {
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;
    /** The normal quantile of 0.975, for ± 1.96 lines and 95% intervals. */
    private static final double Z975 = 1.959963984540054;
    static final int CALIBRATION_BINS = 10;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        if (m.coefficients() != null && m.features() != null) {
            boolean se = m.standardErrors() != null;
            out.chart(ReportCharts.coefficients(se ? "Coefficients ± 2 standard errors (link scale)"
                    : "Coefficients (link scale)", m.features(), m.coefficients(), m.standardErrors(), 2));
            if (m.tValues() != null) {
                out.chart(new Svg("z statistics", W, H).labels("term", "z")
                        .bars(m.features().toArray(new String[0]), m.tValues(), Svg.PALETTE[2])
                        .include(new double[] {0, 0}, new double[] {-Z975, Z975})
                        .hline(0, "#888").hline(Z975, "#d62728").hline(-Z975, "#d62728"));
            }
            ratios(m, out);
        }
        deviance(m, out);
        out.note("Coefficients are on the link scale (" + m.extension("link") + " link, " + m.extension("family")
                + " family): η = b₀ + x·b" + (m.extension("offset") != null ? " + " + m.extension("offset") : "")
                + ", mean response μ = g⁻¹(η). Dashed red lines on the z statistics: ± 1.96, two-sided p = 0.05.");
        ReportCharts.objectivePerIteration(c, out);
        if (c.hasData()) {
            residualsAndCalibration(c, out);
        }
        return out.render();
    }

    /** e^b with e^(b ± 1.96 se) for the log link (rate ratios) and the logit link (odds ratios). */
    private static void ratios(ModelDocument m, SectionWriter out) {
        Object link = m.extension("link");
        if (!"log".equals(link) && !"logit".equals(link)) {
            return;
        }
        String what = "log".equals(link) ? "Rate ratios" : "Odds ratios";
        int p = m.coefficients().length;
        double[] e = new double[p];
        double[] x = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = j;
            e[j] = Math.exp(m.coefficients()[j]);
            if (m.standardErrors() != null) {
                lo[j] = Math.exp(m.coefficients()[j] - Z975 * m.standardErrors()[j]);
                hi[j] = Math.exp(m.coefficients()[j] + Z975 * m.standardErrors()[j]);
            }
        }
        Svg svg = new Svg(what + " e^b" + (m.standardErrors() != null ? " with 95% intervals" : ""), W, H)
                .labels("term", "e^b").bars(m.features().toArray(new String[0]), e, Svg.PALETTE[1]).hline(1, "#888");
        if (m.standardErrors() != null) {
            svg.errorBars(x, lo, hi, "#222");
        }
        out.chart(svg);
    }

    /** Null deviance, residual deviance and Pearson's χ², from the summary. */
    private static void deviance(ModelDocument m, SectionWriter out) {
        double nul = ReportCharts.summaryNumber(m, "nullDeviance");
        double dev = ReportCharts.summaryNumber(m, "deviance");
        double pearson = ReportCharts.summaryNumber(m, "pearsonChi2");
        if (!Double.isFinite(dev)) {
            return;
        }
        out.chart(new Svg("Deviance of the fit", W, H).labels("statistic", "value")
                .bars(new String[] {"null deviance", "deviance", "Pearson χ²"}, new double[] {nul, dev, pearson},
                        Svg.PALETTE[0]));
        double df = ReportCharts.summaryNumber(m, "dfResid");
        out.note("Training rows: deviance " + Html.num(dev) + " against " + Html.num(nul) + " for the intercept-only"
                + " model" + (m.extension("offset") != null ? " (with the offset)" : "") + "; "
                + (Double.isFinite(df) ? "residual degrees of freedom " + Html.num(df) + "; " : "")
                + "dispersion " + Html.value(m.extension("dispersion")) + ".");
    }

    private static void residualsAndCalibration(ReportContext c, SectionWriter out) {
        ModelDocument m = c.model();
        Optional<ReportContext.Sample> sample = c.sample(true);
        if (sample.isEmpty()) {
            out.note("Dataset " + c.dataset().orElse("") + " has no target column " + m.target()
                    + ": no residual or calibration charts.");
            return;
        }
        double[][] rows = sample.get().rows();
        int q = m.features().size() + Predictors.inputs(m).size();
        RowPredictor p = Predictors.of(m);
        Distribution d = GlmLearner.distribution(m);
        List<double[]> pts = new ArrayList<>();
        for (double[] row : rows) {
            double mu = p.predict(Arrays.copyOf(row, q));
            double y = row[q];
            if (d.validResponse(y) && d.validMean(mu)) {
                double dev = Math.max(0.0, d.unitDeviance(y, mu));
                pts.add(new double[] {mu, Math.signum(y - mu) * Math.sqrt(dev)});
            }
        }
        if (pts.size() < 2) {
            out.note("Fewer than two sampled rows could be scored: no residual or calibration charts.");
            return;
        }
        double[] fitted = pts.stream().mapToDouble(a -> a[0]).toArray();
        double[] resid = pts.stream().mapToDouble(a -> a[1]).toArray();
        out.chart(new Svg("Deviance residuals vs fitted", W, H).labels("fitted mean of " + m.target(),
                "deviance residual").points(fitted, resid, Svg.PALETTE[0]).hline(0, "#d62728"));
        calibration(c, fitted, out);
        out.note(sample.get().note() + " Deviance residuals: sign(y − μ) √d(y, μ), d the " + m.extension("family")
                + " family's unit deviance.");
    }

    /** Bin edges: the distinct deciles of the sampled predictions. */
    static double[] edges(double[] fitted) {
        double[] s = fitted.clone();
        Arrays.sort(s);
        List<Double> e = new ArrayList<>();
        for (int k = 1; k < CALIBRATION_BINS; k++) {
            double v = s[(int) ((long) k * s.length / CALIBRATION_BINS)];
            if (e.isEmpty() || v > e.get(e.size() - 1)) {
                e.add(v);
            }
        }
        return e.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void calibration(ReportContext c, double[] fitted, SectionWriter out) {
        ModelDocument m = c.model();
        double[] edges = edges(fitted);
        String json = ModelJson.write(m);
        String weights = m.extension("weights") instanceof String w ? w : null;
        boolean[] weighted = new boolean[1];
        Optional<double[]> sums = c.sum(schema -> {
            String where = "dataset '" + schema.name() + "'";
            int[] inputs = FeatureBinding.inputColumns(m, schema.columns(), where);
            int target = FeatureBinding.targetColumn(m, schema.columns());
            int weight = weightColumn(schema, weights);
            weighted[0] = weight >= 0;
            return new GlmCalibrationKernel(json, inputs, target, weight, edges);
        });
        if (sums.isEmpty()) {
            return;
        }
        double[] s = sums.get();
        int bins = edges.length + 1;
        List<double[]> pts = new ArrayList<>();
        double rows = 0;
        for (int k = 0; k < bins; k++) {
            if (s[k] > 0) {
                pts.add(new double[] {s[bins + k] / s[k], s[2 * bins + k] / s[k]});
                rows += s[k];
            }
        }
        double[] px = pts.stream().mapToDouble(a -> a[0]).toArray();
        double[] py = pts.stream().mapToDouble(a -> a[1]).toArray();
        out.chart(new Svg("Calibration", W, H).labels("mean predicted " + m.target(), "mean observed " + m.target())
                .include(px, px).include(py, py).line(px, py, Svg.PALETTE[1], false).points(px, py, Svg.PALETTE[1])
                .diagonal());
        out.note("Calibration: every row of dataset " + c.dataset().orElse("") + " scored next to the data, in "
                + bins + " bins of the predicted mean (edges at the deciles of the sampled predictions); per bin the "
                + (weighted[0] ? "weighted (column " + weights + ") " : "") + "mean observed against the mean "
                + "predicted, over " + Html.num(rows) + (weighted[0] ? " total weight" : " rows") + " ("
                + (long) s[3 * bins] + " left out for a missing or out-of-range value). A calibrated model lies on the"
                + " diagonal.");
    }

    /** The model's weights column in the data, or −1 when the model has none or the data lacks it. */
    static int weightColumn(DatasetSchema schema, String weights) {
        if (weights == null || !schema.columnNames().contains(weights)) {
            return -1;
        }
        int w = schema.columnIndex(weights);
        return schema.columns().get(w).kind() == ColumnKind.NUMERIC ? w : -1;
    }
}
