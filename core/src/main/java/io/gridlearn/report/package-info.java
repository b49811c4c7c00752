/**
 * The member-side half of the HTML reports: kernels and samplers that run next to the data and return only what a
 * chart needs (column histograms, score histograms of a binary classifier, a bounded seeded sample of rows). It
 * uses {@code data}, {@code grid}, {@code model} and {@code pass}; the charts and pages themselves are drawn by
 * the package of the same name in the client module, which core never imports.
 */
package io.gridlearn.report;
