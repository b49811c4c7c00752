/**
 * The pass engine: a {@link io.gridlearn.pass.BlockKernel} adds one block to a fixed-width vector of sums, a
 * {@link io.gridlearn.pass.BlockSampler} picks rows by id, and any {@link io.gridlearn.data.BlockPassAggregator}
 * (the linear moments and R factors, the refinement, the feature means, {@code describe}'s column statistics, the
 * regression metrics) gathers its own statistic; a {@link io.gridlearn.pass.PassRunner} runs all three either in
 * the grid next to the data, merged exactly and retried on member loss ({@link io.gridlearn.pass.GridPassRunner}),
 * or over blocks in memory in ascending block id ({@link io.gridlearn.pass.LocalPassRunner}, the single-JVM
 * reference), with the same bits either way. Passes with a large statistic (the tree learners' histograms) may ask
 * for one statistic per member instead of one per partition ({@code PassRunner.aggregateByMember}). Also the
 * {@code --missing} policy and the iteration listener. It uses {@code data}, {@code grid}, {@code stats} (exact
 * sums) and {@code model} (checkpoints); the learner families, scoring and reports build on it.
 */
package io.gridlearn.pass;
