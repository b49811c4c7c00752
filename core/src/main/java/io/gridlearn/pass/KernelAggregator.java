package io.gridlearn.pass;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.PassCounts;
import io.gridlearn.data.RowBlock;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs a {@link BlockKernel} over a dataset: every block's partial vector is computed on the member that
 * owns the block and added exactly, so the merged result does not depend on which member held what.
 */
public final class KernelAggregator implements Aggregator<Map.Entry<Integer, RowBlock>, KernelAggregator>,
        IdentifiedDataSerializable, PassCounts {
    private static final long serialVersionUID = 1L;

    private BlockKernel kernel;
    private int blockSize;
    private long blocks;
    private long rows;
    private ExactSum[] sums;
    private transient double[] partial;

    public KernelAggregator() {
    }

    public KernelAggregator(BlockKernel kernel, int blockSize) {
        this.kernel = kernel;
        this.blockSize = blockSize;
    }

    @Override
    public void accumulate(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        blocks++;
        rows += b.rows();
        if (sums == null) {
            sums = ExactVector.zeros(kernel.width());
        }
        if (partial == null) {
            partial = new double[kernel.width()];
        }
        Arrays.fill(partial, 0);
        kernel.accumulate(b, (long) b.blockId() * blockSize, partial);
        ExactVector.add(sums, partial);
    }

    @Override
    public void combine(Aggregator aggregator) {
        KernelAggregator o = (KernelAggregator) aggregator;
        blocks += o.blocks;
        rows += o.rows;
        if (o.sums == null) {
            return;
        }
        if (sums == null) {
            sums = ExactVector.zeros(kernel.width());
        }
        ExactVector.add(sums, o.sums);
    }

    @Override
    public KernelAggregator aggregate() {
        return this;
    }

    /** The sums, rounded once. */
    public double[] result() {
        return sums == null ? new double[kernel.width()] : ExactVector.round(sums);
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
        return PassSerializerHook.KERNEL_AGGREGATOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(kernel);
        out.writeInt(blockSize);
        out.writeLong(blocks);
        out.writeLong(rows);
        out.writeBoolean(sums != null);
        if (sums != null) {
            for (ExactSum s : sums) {
                s.writeData(out);
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        kernel = in.readObject();
        blockSize = in.readInt();
        blocks = in.readLong();
        rows = in.readLong();
        if (in.readBoolean()) {
            sums = new ExactSum[kernel.width()];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = ExactSum.readData(in);
            }
        }
    }
}
