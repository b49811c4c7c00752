package io.gridlearn.pass;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.PassCounts;
import io.gridlearn.data.RowBlock;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Runs a {@link BlockSampler} over a dataset; samples merge as a union ordered by row id. */
public final class SampleAggregator implements Aggregator<Map.Entry<Integer, RowBlock>, SampleAggregator>,
        IdentifiedDataSerializable, PassCounts {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SAMPLE = 10_000_000;

    private BlockSampler sampler;
    private int blockSize;
    private long blocks;
    private long rows;
    private TreeMap<Long, double[]> sample = new TreeMap<>();

    public SampleAggregator() {
    }

    public SampleAggregator(BlockSampler sampler, int blockSize) {
        this.sampler = sampler;
        this.blockSize = blockSize;
    }

    @Override
    public void accumulate(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        blocks++;
        rows += b.rows();
        sampler.sample(b, (long) b.blockId() * blockSize, sample);
    }

    @Override
    public void combine(Aggregator aggregator) {
        SampleAggregator o = (SampleAggregator) aggregator;
        blocks += o.blocks;
        rows += o.rows;
        sample.putAll(o.sample);
    }

    @Override
    public SampleAggregator aggregate() {
        return this;
    }

    public TreeMap<Long, double[]> sample() {
        return sample;
    }

    @Override
    public long blocks() {
        return blocks;
    }

    @Override
    public long rows() {
        return rows;
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
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(sampler);
        out.writeInt(blockSize);
        out.writeLong(blocks);
        out.writeLong(rows);
        out.writeInt(sample.size());
        for (Map.Entry<Long, double[]> e : sample.entrySet()) {
            out.writeLong(e.getKey());
            out.writeDoubleArray(e.getValue());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        sampler = in.readObject();
        blockSize = in.readInt();
        blocks = in.readLong();
        rows = in.readLong();
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
