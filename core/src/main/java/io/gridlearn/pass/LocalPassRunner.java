package io.gridlearn.pass;

import io.gridlearn.data.RowBlock;
import io.gridlearn.stats.ExactSum;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The single-JVM reference runner: the same kernels over blocks held in memory. */
public final class LocalPassRunner implements PassRunner {
    private final List<RowBlock> blocks;
    private final int blockSize;

    /** @param blocks the blocks, in ascending block id (ids may have gaps; a block holds 1 to {@code blockSize} rows) */
    public LocalPassRunner(List<RowBlock> blocks, int blockSize) {
        this.blocks = List.copyOf(blocks);
        this.blockSize = blockSize;
    }

    @Override
    public double[] sum(BlockKernel kernel) {
        ExactSum[] acc = ExactVector.zeros(kernel.width());
        double[] partial = new double[kernel.width()];
        for (RowBlock b : blocks) {
            java.util.Arrays.fill(partial, 0);
            kernel.accumulate(b, (long) b.blockId() * blockSize, partial);
            ExactVector.add(acc, partial);
        }
        return ExactVector.round(acc);
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
