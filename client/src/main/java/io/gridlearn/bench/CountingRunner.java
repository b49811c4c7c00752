package io.gridlearn.bench;

import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pass.PassRunner;

import io.gridlearn.stats.ExactSum;

import java.util.SortedMap;
import java.util.function.Supplier;

/** Counts the passes a trainer makes (sums, exact sums and aggregations count as sums; samples), so a whole fit's time can be given per pass. */
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
    public ExactSum[] exactSum(BlockKernel kernel) {
        sums++;
        return inner.exactSum(kernel);
    }

    @Override
    public <A extends BlockPassAggregator<A>> A aggregate(Supplier<A> fresh) {
        sums++;
        return inner.aggregate(fresh);
    }

    @Override
    public <A extends BlockPassAggregator<A>> A aggregateByMember(Supplier<A> fresh) {
        sums++;
        return inner.aggregateByMember(fresh);
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
