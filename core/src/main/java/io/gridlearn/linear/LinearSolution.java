package io.gridlearn.linear;

import java.util.Map;

/**
 * A solved linear fit on the original feature scale. Standard errors, t and p values are present for
 * unpenalised fits only (null otherwise); {@code summary} holds the fit statistics.
 */
record LinearSolution(double intercept, double[] coefficients, Double interceptStandardError,
                      double[] standardErrors, double[] tValues, double[] pValues, Map<String, Object> summary) {
}
