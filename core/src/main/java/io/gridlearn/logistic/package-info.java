/**
 * Binary and multinomial (softmax) logistic regression with L2, L1 or elastic-net penalties (softmax: L2 or none):
 * one kernel pass per objective evaluation, solved on the driver by Newton/IRLS with step halving or by L-BFGS,
 * with standardisation, separation detection, checkpoints that resume to the same bits, standard errors and
 * training metrics. Like every learner family it uses {@code pass}, {@code data} and {@code model}, plus
 * {@code grid}, {@code simd} and {@code eval}'s {@link io.gridlearn.eval.HistogramAuc}; no other learner family, and nothing in the client.
 */
package io.gridlearn.logistic;
