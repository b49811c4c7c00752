package io.gridlearn.pca;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.report.Html;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report section of PCA models. From the model: the scree plot of the explained variance ratio, the
 * cumulative explained variance (over every eigenvalue when the summary holds them all), and the loadings of the
 * first two components as charts and a table. With data: the sampled rows projected on the first two components,
 * centred (and scaled, for a standardised fit) as the model was fit.
 */
final class PcaReport implements ReportSection {
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        double[] r = m.explainedVarianceRatio();
        if (r != null && r.length > 0) {
            String[] names = new String[r.length];
            for (int i = 0; i < r.length; i++) {
                names[i] = "PC " + (i + 1);
            }
            out.chart(new Svg("Scree plot", W, H).labels("component", "explained variance ratio")
                    .bars(names, r, Svg.PALETTE[0]));
            cumulative(m, r, out);
        }
        double[][] comps = m.components();
        if (comps != null && m.features() != null) {
            String[] features = m.features().toArray(new String[0]);
            for (int k = 0; k < Math.min(2, comps.length); k++) {
                out.chart(new Svg("Loadings of PC " + (k + 1), W, H).labels("feature", "loading")
                        .bars(features, comps[k], Svg.PALETTE[k == 0 ? 0 : 2]).hline(0, "#888"));
            }
            List<String> header = new ArrayList<>(List.of("feature"));
            for (int k = 0; k < Math.min(2, comps.length); k++) {
                header.add("PC " + (k + 1) + " loading");
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int j = 0; j < features.length; j++) {
                List<Object> row = new ArrayList<>();
                row.add(features[j]);
                for (int k = 0; k < Math.min(2, comps.length); k++) {
                    row.add(comps[k][j]);
                }
                rows.add(row);
            }
            out.heading("Loadings of the first two components");
            out.table(header, rows);
            if (c.hasData() && comps.length >= 2) {
                projection(c, out);
            }
        }
        return out.render();
    }

    private static void cumulative(ModelDocument m, double[] retained, SectionWriter out) {
        double[] all = ReportCharts.summaryVector(m, "allEigenvalues");
        double total = ReportCharts.summaryNumber(m, "totalVariance");
        double[] ratio = retained;
        if (all != null && all.length >= retained.length) {
            double sum = 0;
            for (double v : all) {
                sum += v;
            }
            double denominator = Double.isFinite(total) && total > 0 ? total : sum;
            ratio = new double[all.length];
            for (int i = 0; i < all.length; i++) {
                ratio[i] = all[i] / denominator;
            }
        }
        double[] x = new double[ratio.length];
        double[] cum = new double[ratio.length];
        double s = 0;
        for (int i = 0; i < ratio.length; i++) {
            x[i] = i + 1;
            s += ratio[i];
            cum[i] = s;
        }
        double kept = 0;
        for (double v : retained) {
            kept += v;
        }
        out.chart(new Svg("Cumulative explained variance", W, H).labels("number of components", "cumulative share of variance")
                .range(0.5, Math.max(1.5, ratio.length + 0.5), 0, 1).line(x, cum, Svg.PALETTE[1], false)
                .points(x, cum, Svg.PALETTE[1]).hline(kept, "#888"));
        out.note("The model keeps " + retained.length + " component(s), explaining " + Html.num(Math.round(kept * 1000) / 10.0)
                + "% of the variance (dashed line)" + (ratio != retained ? "; the curve runs over every eigenvalue of the fit." : "."));
    }

    private static void projection(ReportContext c, SectionWriter out) {
        ModelDocument m = c.model();
        double[] mean = ReportCharts.summaryVector(m, "mean");
        double[] scale = ReportCharts.summaryVector(m, "scale");
        Optional<ReportContext.Sample> sample = c.sample(false);
        int p = m.features().size();
        if (mean == null || mean.length != p || sample.isEmpty() || sample.get().rows().length == 0) {
            return;
        }
        double[][] rows = sample.get().rows();
        double[] xs = new double[rows.length];
        double[] ys = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < p; j++) {
                double z = rows[i][j] - mean[j];
                if (scale != null && scale.length == p && scale[j] > 0) {
                    z /= scale[j];
                }
                xs[i] += z * m.components()[0][j];
                ys[i] += z * m.components()[1][j];
            }
        }
        out.chart(new Svg("Sampled rows on PC 1 and PC 2", W, H).labels("PC 1 score", "PC 2 score")
                .points(xs, ys, Svg.PALETTE[0]));
        out.note(sample.get().note() + " Scores use the model's mean" + (scale != null ? ", scale" : "")
                + " and components.");
    }
}
