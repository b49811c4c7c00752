package io.gridlearn.logistic;

/**
 * The objective at one parameter vector, from one pass.
 *
 * @param value    full objective (mean negative log-likelihood + penalty, L1 part included)
 * @param gradient gradient of the smooth part (L1 excluded)
 * @param hessian  Hessian of the smooth part, full row-major {@code D × D}, or null
 * @param rows     rows used (Σw when weighted)
 * @param sure     rows fitted within 1e-10 of certainty (their Σw when weighted)
 * @param logLik   the log-likelihood Σ log P(y_i)
 */
record Evaluation(double value, double[] gradient, double[] hessian, double rows, double sure, double logLik) {
}
