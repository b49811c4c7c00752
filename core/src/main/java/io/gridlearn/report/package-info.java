/**
 * The HTML reports' core: the report-section SPI every learner may implement ({@link
 * io.gridlearn.report.ReportSection}, returned by {@link io.gridlearn.runtime.Learner#report()}, drawing from a
 * {@link io.gridlearn.report.ReportContext}), the chart and page primitives sections use ({@link
 * io.gridlearn.report.Svg}, {@link io.gridlearn.report.Html}, {@link io.gridlearn.report.SectionWriter}, {@link
 * io.gridlearn.report.ReportCharts}, {@link io.gridlearn.report.ReportMath}), and the kernels and samplers that run
 * next to the data and return only what a chart needs (column histograms, score histograms of a binary classifier,
 * a bounded seeded sample of rows) behind {@link io.gridlearn.report.GridReportContext}. It uses {@code data},
 * {@code eval}, {@code grid}, {@code model}, {@code pass} and {@code stats}; the {@code report} command of the
 * client module orchestrates a report and names no learner.
 */
package io.gridlearn.report;
