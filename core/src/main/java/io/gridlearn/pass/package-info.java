/**
 * The pass engine of the iterative learners: a {@link io.gridlearn.pass.BlockKernel} adds one block to a fixed-
 * width vector of sums and a {@link io.gridlearn.pass.BlockSampler} picks rows by id; a
 * {@link io.gridlearn.pass.PassRunner} runs them either in the grid next to the data, summed exactly and retried
 * on member loss ({@link io.gridlearn.pass.GridPassRunner}), or over blocks in memory
 * ({@link io.gridlearn.pass.LocalPassRunner}, the single-JVM reference), with the same bits either way. Also the
 * {@code --missing} policy and the iteration listener. It uses {@code data}, {@code grid}, {@code stats} (exact
 * sums) and {@code model} (checkpoints); the learner families, scoring and reports build on it.
 */
package io.gridlearn.pass;
