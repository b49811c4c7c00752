/**
 * The {@code report} command and {@code describe --html}: self-contained HTML pages with inline SVG charts. A
 * model report is the common tables and the section of the model's learner ({@link
 * io.gridlearn.runtime.Learner#report()}), drawn with core's report package of the same name ({@link
 * io.gridlearn.report.Svg}, {@link io.gridlearn.report.Html}); no learner is named here. It uses core's
 * {@code data}, {@code model}, {@code pass}, {@code report}, {@code runtime} and {@code stats}, and the grid
 * options of {@code cli}; nothing in core uses it.
 */
package io.gridlearn.report;
