/**
 * JMH micro-benchmarks of the hot kernels (the per-block QR factor and Gram kernel against EJML and plain loops,
 * row-block serialization, live updates and single-row predictions), the lag of a followed host map
 * ({@code FollowLagBench}) and the jar's entry point, which also runs the client module's end-to-end benchmark. It
 * uses core ({@code data}, {@code data.hostmap}, {@code grid}, {@code linear}, {@code model}, {@code stats},
 * {@code util}) and the client's {@code bench}; nothing depends on it.
 */
package io.gridlearn.benchmarks;
