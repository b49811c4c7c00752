package io.gridlearn.kmeans;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.Arrays;
import java.util.SortedMap;

/**
 * Picks the rows with the given 0-based row ids (explicit initial centres, {@code init = rows:I,J,…}).
 * Rows with a non-finite used value are left out, so the driver can name them.
 */
public final class RowIdSampler implements BlockSampler {
    private int[] featureColumns;
    private long[] rowIds;

    /** An empty sampler, for deserialization. */
    public RowIdSampler() {
    }

    /**
     * A sampler of the given rows.
     *
     * @param featureColumns the block columns of the features
     * @param rowIds         the 0-based row ids, in any order
     */
    public RowIdSampler(int[] featureColumns, long[] rowIds) {
        this.featureColumns = featureColumns.clone();
        this.rowIds = rowIds.clone();
        Arrays.sort(this.rowIds);
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        long end = firstRowId + b.rows();
        int from = Arrays.binarySearch(rowIds, firstRowId);
        // Sorted ids let a block find its own ids in O(log m) instead of scanning the whole list.
        int i = from >= 0 ? from : -from - 1;
        for (; i < rowIds.length && rowIds[i] < end; i++) {
            double[] x = new double[featureColumns.length];
            if (Nearest.gather(b, (int) (rowIds[i] - firstRowId), featureColumns, x)) {
                out.put(rowIds[i], x);
            }
        }
    }

    @Override
    public int getFactoryId() {
        return KmeansSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return KmeansSerializerHook.ROW_ID_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeLongArray(rowIds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        rowIds = in.readLongArray();
    }
}
