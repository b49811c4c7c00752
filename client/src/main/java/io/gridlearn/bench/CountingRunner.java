package io.gridlearn.bench;

import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.PassRunner;

import java.util.SortedMap;

/** Counts the passes a trainer makes (sums and samples), so a whole fit's time can be given per pass. */
final class CountingRunner implements PassRunner {
    private final PassRunner inner;
    private int sums;
    private int samples;

    CountingRunner(PassRunner inner) {
        this.inner = inner;
    }

    void reset() {
        sums = 0;
        samples = 0;
    }

    int sums() {
        return sums;
    }

    int samples() {
        return samples;
    }

    @Override
    public double[] sum(BlockKernel kernel) {
        sums++;
        return inner.sum(kernel);
    }

    @Override
    public SortedMap<Long, double[]> sample(BlockSampler sampler) {
        samples++;
        return inner.sample(sampler);
    }

    @Override
    public long rows() {
        return inner.rows();
    }
}
