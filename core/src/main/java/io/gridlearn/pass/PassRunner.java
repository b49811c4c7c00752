package io.gridlearn.pass;

import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.stats.ExactSum;

import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Runs passes over one dataset: in the grid ({@code GridPassRunner}, next to the data, retried on member loss)
 * or over blocks in memory ({@link LocalPassRunner}, the single-JVM reference). Both give the same bits for the
 * same blocks, for every kind of pass: a {@link BlockKernel}'s sums, a {@link BlockSampler}'s rows, and any
 * {@link BlockPassAggregator} (the linear moments and R factors, the refinement, the feature means,
 * {@code describe}'s column statistics, the regression metrics).
 */
public interface PassRunner {
    /**
     * Runs one aggregation pass and returns its result, which covers the whole dataset.
     *
     * <p>In the grid every partition's blocks are accumulated on their owner and the partials combined in
     * whatever order Hazelcast delivers them; the single-JVM runner accumulates every block into one instance in
     * ascending block id. The {@link BlockPassAggregator} merge contract (exact sums, min/max, or an order fixed
     * by block and partition ids) makes the two the same bits.
     *
     * @param fresh makes a new, empty aggregator (called again when a grid pass is retried)
     * @param <A>   the aggregator type
     * @return the aggregated pass, {@code aggregate()} already called
     */
    <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh);

    /**
     * The same pass as {@link #aggregate}, for aggregators whose statistic is large (megabytes: the tree
     * learners' histograms): in the grid, one statistic per member JVM instead of one per partition
     * ({@link io.gridlearn.data.MemberPasses}); elsewhere, {@link #aggregate}. The result is the same bits for
     * aggregators whose merge is exact.
     *
     * @param fresh makes a new, empty aggregator (called again for each retry)
     * @param <A>   the aggregator type
     * @return the aggregated pass
     */
    default <A extends BlockPassAggregator<A>> A aggregateByMember(Supplier<A> fresh) {
        return aggregate(fresh);
    }

    /**
     * Σ over blocks of each block's partial vector, summed exactly and rounded once.
     *
     * @param kernel the per-block half of the pass
     * @return the sums, length {@code kernel.width()}
     */
    double[] sum(BlockKernel kernel);

    /**
     * Σ over blocks of each block's partial vector, summed exactly and not rounded: for passes whose answer is a
     * function of the exact sums (a double-double or an exact mean), which rounding each entry to a double would
     * lose. {@link #sum} is this rounded once per entry.
     *
     * @param kernel the per-block half of the pass
     * @return one exact sum per entry of the kernel's vector
     */
    ExactSum[] exactSum(BlockKernel kernel);

    /**
     * The union of every block's sample, ordered by row id.
     *
     * @param sampler the per-block half of the pass
     * @return the selected rows, keyed by row id (empty when no row was selected)
     */
    SortedMap<Long, double[]> sample(BlockSampler sampler);

    /**
     * Rows in the dataset.
     *
     * @return the number of rows over all blocks
     */
    long rows();
}
