package io.gridlearn.logistic;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.report.ReportCharts;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.List;

/**
 * The report section of logistic and softmax models. From the model: the coefficients (one bar per feature, or
 * one line per class for softmax), for a standardised fit the coefficients per standard deviation of each feature
 * (the solver's working scale), the training confusion matrix the summary holds, accuracy, AUC and log loss
 * by split, and the objective per iteration from the store's checkpoints. With data: the confusion matrix on
 * every row and, for a binary model, the ROC curve and calibration from score histograms built next to the data.
 */
final class LogisticReport implements ReportSection {
    static final int SCORE_BINS = 50;
    private static final int W = SectionWriter.W;
    private static final int H = SectionWriter.H;

    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        SectionWriter out = new SectionWriter();
        if (m.coefficients() != null && m.features() != null) {
            out.chart(ReportCharts.coefficients("Coefficients (log-odds of class " + lastClass(m) + ")", m.features(),
                    m.coefficients(), null, 0));
        }
        if (m.coefficientMatrix() != null && m.features() != null) {
            String[] names = m.features().toArray(new String[0]);
            Svg svg = new Svg("Coefficients per class", W, H).labels("feature", "coefficient").categories(names)
                    .hline(0, "#888");
            double[] x = new double[names.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = j;
            }
            for (int k = 0; k < m.coefficientMatrix().length; k++) {
                String colour = Svg.PALETTE[k % Svg.PALETTE.length];
                svg.line(x, m.coefficientMatrix()[k], colour, false).points(x, m.coefficientMatrix()[k], colour)
                        .legend("class " + (m.classes() == null ? k : m.classes().get(k)), colour);
            }
            out.chart(svg);
        }
        standardised(m, out);
        ReportCharts.trainingConfusion(m, out);
        Svg metrics = ReportCharts.metricsBySplit(m, "Accuracy, AUC and log loss by split", "value",
                List.of("accuracy", "auc", "logLoss"));
        if (metrics != null) {
            out.chart(metrics);
        }
        out.note("Coefficients are on the original feature scale (a unit change of the feature changes the log-odds "
                + "by the coefficient); the training confusion matrix is the one the fit stored in the summary.");
        ReportCharts.objectivePerIteration(c, out);
        if (c.hasData()) {
            ReportCharts.confusionOnData(c, out);
            if (m.coefficients() != null && m.classes() != null && m.classes().size() == 2) {
                rocAndCalibration(c, out);
            }
        }
        return out.render();
    }

    /**
     * For a standardised fit, the coefficients on the working scale the solver used (per standard deviation of each
     * feature), read from the summary's {@code workingParameters}: one row of intercept and p coefficients per class.
     */
    private static void standardised(ModelDocument m, SectionWriter out) {
        double[] theta = ReportCharts.summaryVector(m, Checkpoints.PARAMETERS);
        if (!Boolean.TRUE.equals(m.summary() == null ? null : m.summary().get("standardize")) || theta == null
                || m.features() == null) {
            return;
        }
        int p = m.features().size();
        int rows = m.coefficientMatrix() != null ? m.coefficientMatrix().length : 1;
        if (theta.length != rows * (p + 1)) {
            return;
        }
        String[] names = m.features().toArray(new String[0]);
        double[] x = new double[p];
        for (int j = 0; j < p; j++) {
            x[j] = j;
        }
        Svg svg = new Svg("Standardised coefficients (per sd of the feature)", W, H).labels("feature", "coefficient × sd");
        if (rows == 1) {
            svg.bars(names, java.util.Arrays.copyOfRange(theta, 1, p + 1), Svg.PALETTE[2]).hline(0, "#888");
        } else {
            svg.categories(names).hline(0, "#888");
            for (int k = 0; k < rows; k++) {
                double[] b = java.util.Arrays.copyOfRange(theta, k * (p + 1) + 1, (k + 1) * (p + 1));
                String colour = Svg.PALETTE[k % Svg.PALETTE.length];
                svg.line(x, b, colour, false).points(x, b, colour)
                        .legend("class " + (m.classes() == null ? k : m.classes().get(k)), colour);
            }
        }
        out.chart(svg);
    }

    private static String lastClass(ModelDocument m) {
        return m.classes() == null || m.classes().isEmpty() ? "1" : String.valueOf(m.classes().get(m.classes().size() - 1));
    }

    private static void rocAndCalibration(ReportContext c, SectionWriter out) {
        ReportCharts.rocAndCalibration(c, out, SCORE_BINS);
    }
}
