package io.gridlearn.testlearner;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.report.ReportContext;
import io.gridlearn.report.ReportSection;
import io.gridlearn.report.SectionWriter;
import io.gridlearn.report.Svg;

import java.util.Optional;

/**
 * The test learner's report section: the training mean beside the shrunk value it predicts, and with data, the
 * target of a seeded sample against that value. It lives only in this package, like the learner.
 */
final class TargetMeanReport implements ReportSection {
    @Override
    public String render(ReportContext c) {
        ModelDocument m = c.model();
        double mean = ((Number) m.extension("mean")).doubleValue();
        double value = ((Number) m.extension("value")).doubleValue();
        SectionWriter out = new SectionWriter();
        out.heading("Target mean");
        out.chart(new Svg("Target mean and shrunk prediction", SectionWriter.W, SectionWriter.H).labels("", m.target())
                .bars(new String[] {"training mean", "prediction"}, new double[] {mean, value}, Svg.PALETTE[3]));
        Optional<ReportContext.Sample> sample = c.sample(true);
        if (sample.isPresent()) {
            double[][] rows = sample.get().rows();
            double[] x = new double[rows.length];
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = i;
                y[i] = rows[i][rows[i].length - 1];
            }
            out.chart(new Svg("Sampled target against the prediction", SectionWriter.W, SectionWriter.H)
                    .labels("sampled row", m.target()).points(x, y, Svg.PALETTE[0]).hline(value, "#d62728"));
            out.note(sample.get().note());
        }
        return out.render();
    }
}
