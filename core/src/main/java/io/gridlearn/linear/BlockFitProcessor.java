package io.gridlearn.linear;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.BadInputException;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code --method average}: an ordinary least-squares fit of one block's training rows, next to the data.
 * Returns {@code [rows, b0, b1 … bp]}, or {@code [0]} when the block cannot be fit on its own (too few rows,
 * or collinear columns within the block); never null, since {@code executeOnEntries} drops null results and
 * the caller counts one result per block. This is the seed's approach — one-shot parameter averaging — kept
 * to show its gap to the exact fit; it is not exact.
 */
public final class BlockFitProcessor implements EntryProcessor<Integer, RowBlock, double[]>, ReadOnly,
        IdentifiedDataSerializable {
    private static final long serialVersionUID = 1L;

    /** The feature columns, then the target column. */
    private int[] columns;
    /** The split; only training rows are fitted. */
    private RowGrouping grouping;
    /** The dataset's block size, for row ids. */
    private int blockSize;

    /** An empty processor, for deserialization. */
    public BlockFitProcessor() {
    }

    /**
     * @param columns   the feature columns, then the target column
     * @param grouping  the split; only training rows are fitted
     * @param blockSize the dataset's block size, for row ids
     */
    public BlockFitProcessor(int[] columns, RowGrouping grouping, int blockSize) {
        this.columns = columns.clone();
        this.grouping = grouping;
        this.blockSize = blockSize;
    }

    @Override
    public double[] process(Map.Entry<Integer, RowBlock> entry) {
        TrainingRows t = TrainingRows.of(entry.getValue(), columns, grouping, blockSize, true, null);
        int p = columns.length - 1;
        int m = t.rows();
        if (m <= p + 1) {
            return new double[] {0};
        }
        try {
            List<String> names = new java.util.ArrayList<>();
            for (int j = 0; j < p; j++) {
                names.add("x" + j);
            }
            LeastSquaresSolution s = QrLeastSquares.solve(BlockQr.factor(t.values(), m, t.q()), m, names, true);
            double[] out = new double[p + 2];
            out[0] = m;
            out[1] = s.interceptValue();
            System.arraycopy(s.coefficients(), 0, out, 2, p);
            return out;
        } catch (BadInputException collinearInThisBlock) {
            return new double[] {0};
        }
    }

    @Override
    public EntryProcessor<Integer, RowBlock, double[]> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.BLOCK_FIT_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(columns);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        columns = in.readIntArray();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
    }
}
