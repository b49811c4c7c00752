/**
 * The linear family (OLS, ridge, lasso, elastic net, with cross-validation and regularisation paths): one exact-
 * moments pass that also reduces per-block TSQR factors, solvers on the driver (QR with iterative refinement in
 * double-double, LDL' normal equations, coordinate descent), the OLS report, block averaging, mean imputation and
 * live linear models that absorb appends, removals and replacements. Like every learner family it uses
 * {@code pass}, {@code data}, {@code stats} and {@code model}, plus {@code grid}, {@code simd}, {@code util} and
 * the metrics of {@code eval}; no other learner family, and nothing in the client.
 */
package io.gridlearn.linear;
