package io.gridlearn.pass;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;
import java.util.Arrays;

/**
 * Runs a {@link BlockKernel} over a dataset: every block's partial vector is computed on the member that
 * owns the block and added exactly, so the merged result does not depend on which member held what.
 */
public final class KernelAggregator extends BlockPassAggregator<KernelAggregator> {
    private static final long serialVersionUID = 1L;

    /** The per-block half of the pass. */
    private BlockKernel kernel;
    /** The dataset's block size, for each block's first row id. */
    private int blockSize;
    /** The exact sums, one per entry of the kernel's vector; null until a block is seen. */
    private ExactSum[] sums;
    private transient double[] partial;

    /** An empty aggregator, for deserialization. */
    public KernelAggregator() {
    }

    /**
     * @param kernel    the per-block half of the pass, run on every block
     * @param blockSize the dataset's block size (a block's first row id is {@code blockId × blockSize})
     */
    public KernelAggregator(BlockKernel kernel, int blockSize) {
        this.kernel = kernel;
        this.blockSize = blockSize;
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
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
    protected void combineStatistic(KernelAggregator o) {
        if (o.sums == null) {
            return;
        }
        if (sums == null) {
            sums = ExactVector.zeros(kernel.width());
        }
        ExactVector.add(sums, o.sums);
    }

    /**
     * The exact sums, not rounded (zeros when no block was seen).
     *
     * @return one exact sum per entry of the kernel's vector
     */
    public ExactSum[] exactSums() {
        return sums == null ? ExactVector.zeros(kernel.width()) : sums;
    }

    /**
     * The sums, rounded once.
     *
     * @return one double per entry of the kernel's vector (zeros when no block was seen)
     */
    public double[] result() {
        return sums == null ? new double[kernel.width()] : ExactVector.round(sums);
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
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeObject(kernel);
        out.writeInt(blockSize);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeBoolean(sums != null);
        if (sums != null) {
            for (ExactSum s : sums) {
                s.writeData(out);
            }
        }
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        kernel = in.readObject();
        blockSize = in.readInt();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        if (in.readBoolean()) {
            sums = new ExactSum[kernel.width()];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = ExactSum.readData(in);
            }
        }
    }
}
