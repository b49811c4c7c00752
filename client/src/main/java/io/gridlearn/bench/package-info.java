/**
 * The end-to-end benchmark behind {@code gridlearn benchmark}: synthetic data from fixed seeds, embedded grids of
 * real members, the linear, iterative and scaling suites each timed next to a plain-Java loop over the same data,
 * heap and bytes-per-pass measurements, the correctness checks between the two, and the JSON and table forms of a
 * run. It drives core's learners and passes ({@code data}, {@code grid}, {@code linear}, {@code logistic},
 * {@code kmeans}, {@code pass}, {@code model}, {@code eval}, {@code simd}) as a user would; nothing in core uses
 * it.
 */
package io.gridlearn.bench;
