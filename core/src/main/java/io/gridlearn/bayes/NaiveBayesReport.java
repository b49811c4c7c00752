package io.gridlearn.bayes;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.List;

/**
 * The report section of Gaussian naive Bayes models. From the model: the class priors, the class means ± one
 * class standard deviation per feature, the training confusion matrix the summary holds, and accuracy and log
 * loss by split. With data: the confusion matrix on every row of the dataset.
 *
 * <p>The means chart draws the class standard deviations without ε and standardises each feature by the mean and standard deviation of the training rows, which
 * the model determines exactly: the mixture of the classes, mean = Σ π_k μ_k and variance = Σ π_k (σ²_k + μ_k²) −
 * mean² (with the variance smoothing ε taken off the class variances).
 */
final class NaiveBayesReport implements ReportSection {
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        double[] priors = m.classPriors();
        List<Integer> classes = m.classes();
        if (priors != null && classes != null && priors.length == classes.size()) {
            String[] names = classes.stream().map(k -> "class " + k).toArray(String[]::new);
            out.chart(new Svg("Class priors", W, H).labels("class", "prior probability").bars(names, priors, Svg.PALETTE[0]));
            if (m.means() != null && m.variances() != null && m.features() != null) {
                classMeans(m, out);
            }
        }
        ReportCharts.trainingConfusion(m, out);
        Svg metrics = ReportCharts.metricsBySplit(m, "Accuracy and log loss by split", "value", List.of("accuracy", "logLoss"));
        if (metrics != null) {
            out.chart(metrics);
        }
        out.note("Class means ± one class standard deviation (without the variance smoothing ε), each feature standardised "
                + "by the mean and standard deviation of the training rows, which the model determines exactly as the "
                + "mixture of its classes.");
        ReportCharts.confusionOnData(c, out);
        return out.render();
    }

    private static void classMeans(ModelDocument m, SectionWriter out) {
        double[] priors = m.classPriors();
        double[][] mu = m.means();
        double[][] var = m.variances();
        int k = priors.length;
        int p = m.features().size();
        double eps = ReportCharts.summaryNumber(m, "epsilon");
        eps = Double.isFinite(eps) ? eps : 0;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            double s2 = 0;
            for (int c = 0; c < k; c++) {
                s += priors[c] * mu[c][j];
                s2 += priors[c] * (Math.max(0, var[c][j] - eps) + mu[c][j] * mu[c][j]);
            }
            mean[j] = s;
            sd[j] = Math.sqrt(Math.max(0, s2 - s * s));
        }
        Svg svg = new Svg("Class means ± 1 sd (standardised features)", W, H).labels("feature", "standardised value")
                .categories(m.features().toArray(new String[0])).hline(0, "#888");
        double w = 0.6 / k;
        for (int c = 0; c < k; c++) {
            double[] x = new double[p];
            double[] z = new double[p];
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int j = 0; j < p; j++) {
                x[j] = j + (c - (k - 1) / 2.0) * w;
                double scale = sd[j] > 0 ? sd[j] : 1;
                z[j] = (mu[c][j] - mean[j]) / scale;
                double s = Math.sqrt(Math.max(0, var[c][j] - eps)) / scale;
                lo[j] = z[j] - s;
                hi[j] = z[j] + s;
            }
            String colour = Svg.PALETTE[c % Svg.PALETTE.length];
            svg.errorBars(x, lo, hi, colour).points(x, z, colour).legend("class " + m.classes().get(c), colour);
        }
        out.chart(svg);
    }
}
