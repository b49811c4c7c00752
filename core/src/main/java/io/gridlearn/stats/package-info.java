/**
 * Exact and extended-precision arithmetic and the statistics built on it: the order-independent
 * {@link io.gridlearn.stats.ExactSum} long accumulator, exact dyadic rationals
 * ({@link io.gridlearn.stats.Dyadic}), double-double arithmetic ({@link io.gridlearn.stats.Dd}), exact moment
 * matrices and their per-block shifted kernel, the special functions and distributions behind p values (gamma,
 * incomplete beta, Student t, F), and {@code describe}'s one-pass column statistics. It uses the root exceptions,
 * {@code simd}, and {@code data} and {@code grid} for the describe pass only; it knows no learner, and the learner
 * families use it.
 */
package io.gridlearn.stats;
