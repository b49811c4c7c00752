/**
 * The {@code report} command and {@code describe --html}: self-contained HTML pages with inline SVG charts
 * ({@link io.gridlearn.report.Svg}, {@link io.gridlearn.report.Html}) of a model's summary, residuals, ROC and
 * calibration, clusters or scree plot, and of a dataset's columns, from the member-side kernels of the core
 * package of the same name. It uses core's {@code data}, {@code eval}, {@code model}, {@code pass} and
 * {@code stats}, and the grid options of {@code cli}; nothing in core uses it.
 */
package io.gridlearn.report;
