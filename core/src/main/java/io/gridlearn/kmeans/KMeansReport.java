package io.gridlearn.kmeans;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportMath;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report section of k-means models: the centres as a table, a centre-profile chart (one line per cluster
 * across the standardised features), the cluster sizes, a projection on two principal components and the
 * objective per iteration from the store's checkpoints.
 *
 * <p>The profile standardises each feature by the dataset's mean and standard deviation when the report has data
 * (a statistics pass next to the data), and otherwise by the spread of the centres themselves: the mean and
 * standard deviation of the centres weighted by the cluster sizes (unweighted when the model has no sizes). The
 * projection shows the sampled rows and the centres on the first two principal components of the sample when
 * there is data, and otherwise the centres on the first two principal components of the centres.
 */
final class KMeansReport implements ReportSection {
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        double[][] centres = m.centers();
        if (centres == null || centres.length == 0 || m.features() == null) {
            return "";
        }
        int k = centres.length;
        int p = m.features().size();
        double[] sizes = ReportCharts.summaryVector(m, "clusterSizes");
        if (sizes != null && sizes.length != k) {
            sizes = null;
        }
        centresTable(m, sizes, out);

        double[] mean = new double[p];
        double[] sd = new double[p];
        String scaleNote;
        Optional<double[][]> stats = c.featureStatistics();
        if (stats.isPresent()) {
            mean = stats.get()[0];
            sd = stats.get()[1];
            scaleNote = "Features are standardised by the mean and standard deviation of dataset "
                    + c.dataset().orElse("") + " (every row, a statistics pass next to the data).";
        } else {
            centreSpread(centres, sizes, mean, sd);
            scaleNote = "No data given: features are standardised by the spread of the centres themselves, their mean and "
                    + "standard deviation " + (sizes != null ? "weighted by the cluster sizes" : "(unweighted)") + ".";
        }
        String[] names = m.features().toArray(new String[0]);
        Svg profile = new Svg("Centre profiles (standardised features)", W, H).labels("feature", "standardised value")
                .categories(names).hline(0, "#888");
        double[] x = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = j;
        }
        for (int i = 0; i < k; i++) {
            double[] z = new double[p];
            for (int j = 0; j < p; j++) {
                z[j] = sd[j] > 0 ? (centres[i][j] - mean[j]) / sd[j] : 0;
            }
            String colour = Svg.PALETTE[i % Svg.PALETTE.length];
            profile.line(x, z, colour, i >= Svg.PALETTE.length).points(x, z, colour);
            if (i < 10) {
                profile.legend("cluster " + i, colour);
            }
        }
        out.chart(profile);
        if (sizes != null) {
            String[] clusters = new String[k];
            for (int i = 0; i < k; i++) {
                clusters[i] = "cluster " + i;
            }
            out.chart(new Svg("Cluster sizes", W, H).labels("cluster", "rows").bars(clusters, sizes, Svg.PALETTE[0]));
        }
        if (c.hasData()) {
            sampleProjection(c, out);
        } else {
            centreProjection(centres, sizes, out);
        }
        out.note(scaleNote);
        ReportCharts.objectivePerIteration(c, out);
        return out.render();
    }

    private static void centresTable(ModelDocument m, double[] sizes, SectionWriter out) {
        List<String> header = new ArrayList<>(List.of("cluster"));
        if (sizes != null) {
            header.add("rows");
        }
        header.addAll(m.features());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < m.centers().length; i++) {
            List<Object> r = new ArrayList<>();
            r.add("cluster " + i);
            if (sizes != null) {
                r.add(sizes[i]);
            }
            for (double v : m.centers()[i]) {
                r.add(v);
            }
            rows.add(r);
        }
        out.heading("Cluster centres");
        out.table(header, rows);
    }

    /** The mean and standard deviation of each feature over the centres, weighted by {@code sizes} when given. */
    static void centreSpread(double[][] centres, double[] sizes, double[] mean, double[] sd) {
        int k = centres.length;
        int p = mean.length;
        double total = 0;
        for (int i = 0; i < k; i++) {
            total += sizes == null ? 1 : sizes[i];
        }
        if (total <= 0) {
            sizes = null;
            total = k;
        }
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += (sizes == null ? 1 : sizes[i]) * centres[i][j];
            }
            mean[j] = s / total;
            double v = 0;
            for (int i = 0; i < k; i++) {
                double d = centres[i][j] - mean[j];
                v += (sizes == null ? 1 : sizes[i]) * d * d;
            }
            sd[j] = Math.sqrt(v / total);
        }
    }

    private static void centreProjection(double[][] centres, double[] sizes, SectionWriter out) {
        int k = centres.length;
        double[][] pc = centres.length >= 2 ? ReportMath.projectOnTwoComponents(centres, null, null)
                : new double[][] {new double[k], new double[k]};
        String[] labels = new String[k];
        for (int i = 0; i < k; i++) {
            labels[i] = "cluster " + i + (sizes == null ? "" : " (" + (long) sizes[i] + ")");
        }
        Svg svg = new Svg("Centres on the first two principal components of the centres", W, H).labels("PC 1", "PC 2")
                .points(pc[0], pc[1], "#000").text(pc[0], pc[1], labels, "#222");
        out.chart(svg);
    }

    private static void sampleProjection(ReportContext c, SectionWriter out) {
        ModelDocument m = c.model();
        Optional<ReportContext.Sample> sample = c.sample(false);
        if (sample.isEmpty() || sample.get().rows().length < 2) {
            centreProjection(m.centers(), ReportCharts.summaryVector(m, "clusterSizes"), out);
            return;
        }
        double[][] rows = sample.get().rows();
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
        out.chart(svg);
        out.note(sample.get().note() + " Components are computed from the sample on the client; points are coloured by "
                + "nearest centre.");
    }
}
