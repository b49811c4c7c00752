package io.gridlearn.pass;

import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.PartitionedPass;
import io.gridlearn.data.RowBlock;
import io.gridlearn.stats.ExactSum;

import java.util.AbstractMap;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The single-JVM reference runner: the same kernels, samplers and aggregators over blocks held in memory, in a
 * fixed order (ascending block id), with no serialization and no retries.
 *
 * <p>Kernels: every block's partial vector is computed as on a member and added exactly, then rounded once, as
 * {@link KernelAggregator} does. Aggregators ({@link #aggregate}): one instance accumulates every block, then
 * {@code aggregate()} is called; a {@link PartitionedPass} (the QR pass) is first given the block → partition map
 * this runner was built with.
 */
public final class LocalPassRunner implements PassRunner {
    private final List<RowBlock> blocks;
    private final int blockSize;
    private final IntUnaryOperator partitionOf;

    /**
     * A runner without a partition map, for every pass but the partitioned ones.
     *
     * @param blocks    the blocks, in ascending block id (ids may have gaps; a block holds 1 to {@code blockSize} rows)
     * @param blockSize the dataset's block size (for row ids)
     */
    public LocalPassRunner(List<RowBlock> blocks, int blockSize) {
        this(blocks, blockSize, null);
    }

    /**
     * @param blocks      the blocks, in ascending block id
     * @param blockSize   the dataset's block size (for row ids)
     * @param partitionOf the partition of each block id in the cluster this reference stands for
     *                    ({@link io.gridlearn.data.BlockPartitions#of}), for partitioned passes; null when no pass
     *                    run here needs it
     */
    public LocalPassRunner(List<RowBlock> blocks, int blockSize, IntUnaryOperator partitionOf) {
        this.blocks = List.copyOf(blocks);
        this.blockSize = blockSize;
        this.partitionOf = partitionOf;
    }

    @Override
    public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
        A a = fresh.get();
        if (partitionOf != null && a instanceof PartitionedPass p) {
            p.usePartitions(partitionOf);
        }
        for (RowBlock b : blocks) {
            a.accumulate(new AbstractMap.SimpleImmutableEntry<>(b.blockId(), b));
        }
        a.onAccumulationFinished();
        a.onCombinationFinished();
        return a.aggregate();
    }

    @Override
    public double[] sum(BlockKernel kernel) {
        return ExactVector.round(exactSum(kernel));
    }

    @Override
    public ExactSum[] exactSum(BlockKernel kernel) {
        ExactSum[] acc = ExactVector.zeros(kernel.width());
        double[] partial = new double[kernel.width()];
        for (RowBlock b : blocks) {
            java.util.Arrays.fill(partial, 0);
            kernel.accumulate(b, (long) b.blockId() * blockSize, partial);
            ExactVector.add(acc, partial);
        }
        return acc;
    }

    @Override
    public SortedMap<Long, double[]> sample(BlockSampler sampler) {
        SortedMap<Long, double[]> out = new TreeMap<>();
        for (RowBlock b : blocks) {
            sampler.sample(b, (long) b.blockId() * blockSize, out);
        }
        return out;
    }

    @Override
    public long rows() {
        long n = 0;
        for (RowBlock b : blocks) {
            n += b.rows();
        }
        return n;
    }
}
