package io.gridlearn.linear;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.report.ColumnHistogramKernel;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportMath;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report section of linear, ridge, lasso and elastic-net models. From the model: the coefficients with
 * ± 2 standard error bars, the t statistics against the 5% critical values, R² and the errors by split, the
 * regularisation path and cross-validation curve when the model holds a path. With data: residuals against
 * fitted values, their normal Q-Q plot and histogram, and observed against fitted, on a seeded sample.
 */
final class LinearReport implements ReportSection {
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        if (c.hasData()) {
            residualCharts(c, out);
        }
        if (m.coefficients() != null && m.features() != null) {
            boolean se = m.standardErrors() != null;
            out.chart(ReportCharts.coefficients(se ? "Coefficients ± 2 standard errors" : "Coefficients",
                    m.features(), m.coefficients(), m.standardErrors(), 2));
            if (m.tValues() != null) {
                tStatistics(m, out);
            }
        }
        Svg r2 = ReportCharts.metricsBySplit(m, "R² by split", "R²", List.of("r2"));
        if (r2 != null) {
            out.chart(r2);
        }
        Svg errors = ReportCharts.metricsBySplit(m, "Errors by split", "error", List.of("rmse", "mae"));
        if (errors != null) {
            out.chart(errors);
        }
        if (m.path() != null && !m.path().isEmpty()) {
            pathCharts(m, out);
        }
        return out.render();
    }

    private static void tStatistics(ModelDocument m, SectionWriter out) {
        double df = ReportCharts.summaryNumber(m, "dfResid");
        Svg svg = new Svg("t statistics", W, H).labels("term", "t").bars(m.features().toArray(new String[0]),
                m.tValues(), Svg.PALETTE[2]).hline(0, "#888");
        if (Double.isFinite(df)) {
            double tc = ReportMath.tQuantile(0.975, df);
            svg.include(new double[] {0, 0}, new double[] {-tc, tc}).hline(tc, "#d62728").hline(-tc, "#d62728");
            out.chart(svg);
            out.note("Dashed red lines: ± t(0.975, df = " + (long) df + ") = ± " + io.gridlearn.report.Html.num(tc)
                    + "; a bar beyond them has p < 0.05. Error bars on the coefficients span ± 2 standard errors.");
        } else {
            out.chart(svg);
        }
    }

    private static void residualCharts(ReportContext c, SectionWriter out) {
        ModelDocument m = c.model();
        Optional<ReportContext.Sample> sample = c.sample(true);
        if (sample.isEmpty()) {
            out.note("Dataset " + c.dataset().orElse("") + " has no target column " + m.target() + ": no residual plots.");
            return;
        }
        double[][] rows = sample.get().rows();
        if (rows.length < 2) {
            return;
        }
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
        out.chart(new Svg("Residuals vs fitted", W, H).labels("fitted " + m.target(), "residual")
                .points(fitted, resid, Svg.PALETTE[0]).hline(0, "#d62728"));
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
        out.chart(new Svg("Normal Q-Q plot of residuals", W, H).labels("theoretical normal quantile", "residual quantile")
                .points(z, sorted, Svg.PALETTE[0]).line(z, ref, "#d62728", true));
        out.chart(new Svg("Observed vs fitted", W, H).labels("fitted " + m.target(), "observed " + m.target())
                .points(fitted, y, Svg.PALETTE[2]).diagonal());
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
        out.chart(new Svg("Histogram of residuals", W, H).labels("residual", "rows")
                .histogram(centres, counts, width == 0 ? 1 : width, Svg.PALETTE[0]));
        out.note(sample.get().note());
    }

    private static void pathCharts(ModelDocument m, SectionWriter out) {
        List<Map<String, Object>> path = m.path();
        int n = path.size();
        double[] logL = new double[n];
        for (int i = 0; i < n; i++) {
            logL[i] = Math.log(((Number) path.get(i).get("lambda")).doubleValue());
        }
        Svg paths = new Svg("Coefficient paths", W, H).labels("log λ", "coefficient");
        int q = m.features().size();
        for (int j = 0; j < q; j++) {
            double[] cs = new double[n];
            for (int i = 0; i < n; i++) {
                cs[i] = coefficient(path.get(i).get("coefficients"), j);
            }
            String colour = Svg.PALETTE[j % Svg.PALETTE.length];
            paths.line(logL, cs, colour, j >= Svg.PALETTE.length);
            if (j < 8) {
                paths.legend(m.features().get(j), colour);
            }
        }
        out.chart(paths);
        if (path.get(0).get("cvMse") != null) {
            double[] cv = new double[n];
            double[] train = new double[n];
            for (int i = 0; i < n; i++) {
                cv[i] = ((Number) path.get(i).get("cvMse")).doubleValue();
                Object t = path.get(i).get("trainMse");
                train[i] = t instanceof Number x ? x.doubleValue() : Double.NaN;
            }
            out.chart(new Svg("Cross-validation curve", W, H).labels("log λ", "mean squared error")
                    .line(logL, cv, Svg.PALETTE[1], false).points(logL, cv, Svg.PALETTE[1])
                    .line(logL, train, Svg.PALETTE[0], true).legend("CV MSE", Svg.PALETTE[1])
                    .legend("training MSE", Svg.PALETTE[0]));
        }
        out.note("Regularisation path of " + n + " λ values, from the model's path.");
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
}
