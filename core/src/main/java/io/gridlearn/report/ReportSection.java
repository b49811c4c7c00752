package io.gridlearn.report;

/**
 * A learner's part of {@code gridlearn report}: the charts, tables and notes that fit its models. A learner
 * returns its section from {@link io.gridlearn.runtime.Learner#report()}; the report command draws the common
 * tables (coefficients, summary, metrics, provenance) and then the section of the model's learner, naming no
 * learner itself. A section draws at least from the model alone ({@link ReportContext#hasData()} false, as for a
 * model file given without data) and adds what the data allows when there is some.
 */
@FunctionalInterface
public interface ReportSection {
    /**
     * The section's HTML fragment: headings ({@code h3}), notes, tables and inline SVG charts, for instance
     * built with {@link SectionWriter}, {@link Svg} and {@link Html}. No scripts and no external references: the
     * report is one self-contained file.
     *
     * @param context the model, and the data and store the charts may draw from
     * @return the HTML, or an empty string when there is nothing to draw
     */
    String render(ReportContext context);
}
