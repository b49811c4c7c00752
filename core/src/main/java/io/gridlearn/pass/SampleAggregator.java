package io.gridlearn.pass;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Runs a {@link BlockSampler} over a dataset; samples merge as a union ordered by row id. */
public final class SampleAggregator extends BlockPassAggregator<SampleAggregator> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SAMPLE = 10_000_000;

    /** The per-block half of the pass. */
    private BlockSampler sampler;
    /** The dataset's block size, for each block's first row id. */
    private int blockSize;
    /** The rows selected so far, keyed by row id. */
    private TreeMap<Long, double[]> sample = new TreeMap<>();

    /** An empty aggregator, for deserialization. */
    public SampleAggregator() {
    }

    /**
     * @param sampler   the per-block half of the pass, run on every block
     * @param blockSize the dataset's block size (a block's first row id is {@code blockId × blockSize})
     */
    public SampleAggregator(BlockSampler sampler, int blockSize) {
        this.sampler = sampler;
        this.blockSize = blockSize;
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        sampler.sample(b, (long) b.blockId() * blockSize, sample);
    }

    @Override
    protected void combineStatistic(SampleAggregator o) {
        sample.putAll(o.sample);
    }

    /**
     * The rows sampled so far (after the pass: from every block).
     *
     * @return the selected rows keyed by row id; the aggregator's own map, not a copy
     */
    public TreeMap<Long, double[]> sample() {
        return sample;
    }

    @Override
    public int getFactoryId() {
        return PassSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return PassSerializerHook.SAMPLE_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeObject(sampler);
        out.writeInt(blockSize);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeInt(sample.size());
        for (Map.Entry<Long, double[]> e : sample.entrySet()) {
            out.writeLong(e.getKey());
            out.writeDoubleArray(e.getValue());
        }
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        sampler = in.readObject();
        blockSize = in.readInt();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_SAMPLE) {
            throw new IOException("corrupt sample: " + n + " rows");
        }
        sample = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            sample.put(in.readLong(), in.readDoubleArray());
        }
    }
}
