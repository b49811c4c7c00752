package io.gridlearn.kmeans;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.PriorityQueue;
import java.util.SortedMap;

/**
 * A seeded uniform sample of {@code count} rows without replacement: the rows with the {@code count}
 * smallest values of {@link RowHash#hash}(row id, seed, salt) (a bottom-k sketch). Each block returns its
 * own bottom-{@code count} finite rows; the driver keeps the global bottom {@code count} of the union,
 * which is the same set however the rows are split into blocks.
 */
public final class HashSampler implements BlockSampler {
    private int[] featureColumns;
    private int count;
    private long seed;
    private long salt;

    /** An empty sampler, for deserialization. */
    public HashSampler() {
    }

    /**
     * A sampler of the given columns.
     *
     * @param featureColumns the block columns of the features
     * @param count          the sample size, ≥ 1
     * @param seed           the seed of the row hashes
     * @param salt           mixed into the hash with the seed, so that different uses of one seed draw different rows
     */
    public HashSampler(int[] featureColumns, int count, long seed, long salt) {
        this.featureColumns = featureColumns.clone();
        this.count = count;
        this.seed = seed;
        this.salt = salt;
    }

    /** Orders rows by (hash, row id), the order in which the driver picks them. */
    static int compare(long rowA, long rowB, long seed, long salt) {
        int c = Long.compareUnsigned(RowHash.hash(rowA, seed, salt), RowHash.hash(rowB, seed, salt));
        return c != 0 ? c : Long.compare(rowA, rowB);
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        // Max-heap of the best `count` rows so far: the worst is evicted first.
        PriorityQueue<Long> heap = new PriorityQueue<>((a, c) -> compare(c, a, seed, salt));
        double[] x = new double[featureColumns.length];
        for (int r = 0; r < b.rows(); r++) {
            if (!Nearest.gather(b, r, featureColumns, x)) {
                continue;
            }
            heap.add(firstRowId + r);
            if (heap.size() > count) {
                heap.poll();
            }
        }
        for (long id : heap) {
            double[] row = new double[featureColumns.length];
            Nearest.gather(b, (int) (id - firstRowId), featureColumns, row);
            out.put(id, row);
        }
    }

    @Override
    public int getFactoryId() {
        return KmeansSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return KmeansSerializerHook.HASH_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(count);
        out.writeLong(seed);
        out.writeLong(salt);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        count = in.readInt();
        seed = in.readLong();
        salt = in.readLong();
    }
}
