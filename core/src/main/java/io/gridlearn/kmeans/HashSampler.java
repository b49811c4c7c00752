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
 *
 * <p>With frequency weights (a weight column) the sample is drawn ∝ w without replacement, by the exponential race
 * of Efraimidis &amp; Spirakis (as {@link ParallelSampler}): row x gets the key E_x / w_x with
 * E_x = −ln(1 − {@link RowHash#uniform}(row id, seed, salt)), and the {@code count} smallest keys win (ties by row
 * id); a row of weight 0 is never drawn. Each sampled row is then returned with its weight appended
 * ({@code [x_1 … x_p, w]}), so that the driver can rank the union by the same keys ({@link #key}).
 */
public final class HashSampler implements BlockSampler {
    private int[] featureColumns;
    private int count;
    private long seed;
    private long salt;
    private int weightColumn = -1;

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
        this(featureColumns, count, seed, salt, -1);
    }

    /**
     * A sampler of the given columns, ∝ the frequency weights when {@code weightColumn} ≥ 0.
     *
     * @param featureColumns the block columns of the features
     * @param count          the sample size, ≥ 1
     * @param seed           the seed of the row hashes
     * @param salt           mixed into the hash with the seed
     * @param weightColumn   the block column of the frequency weights, or −1 for a uniform sample
     */
    public HashSampler(int[] featureColumns, int count, long seed, long salt, int weightColumn) {
        this.weightColumn = weightColumn;
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

    /** The race key of row {@code id} of weight w &gt; 0: smaller is drawn first. */
    static double key(long id, double w, long seed, long salt) {
        return -Math.log1p(-RowHash.uniform(id, seed, salt)) / w;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        if (weightColumn >= 0) {
            sampleWeighted(b, firstRowId, out);
            return;
        }
        if (sampleByHash(b, firstRowId, out)) {
            return;
        }
        // A row with a non-finite value is among the block's smallest hashes: the bottom `count` finite rows, scanned.
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

    /**
     * The block's {@code count} rows of smallest (hash, row id), found from one hash per row without reading a
     * value: a row enters the max-heap only when it beats the worst kept. When every kept row is finite these are
     * also the block's bottom {@code count} finite rows, the sample, and they go to {@code out}; otherwise nothing
     * is written and false is returned (the caller scans, skipping non-finite rows).
     */
    private boolean sampleByHash(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        int n = b.rows();
        int cap = Math.min(count, n);
        long[] hash = new long[cap];
        long[] id = new long[cap];
        int size = 0;
        for (int r = 0; r < n; r++) {
            long i = firstRowId + r;
            long h = RowHash.hash(i, seed, salt);
            if (size < cap) {
                int at = size++;
                while (at > 0) { // sift up: the parent must not be smaller
                    int parent = (at - 1) >>> 1;
                    if (less(hash[parent], id[parent], h, i)) {
                        hash[at] = hash[parent];
                        id[at] = id[parent];
                        at = parent;
                    } else {
                        break;
                    }
                }
                hash[at] = h;
                id[at] = i;
            } else if (less(h, i, hash[0], id[0])) {
                int at = 0;
                while (true) { // sift down from the root, which the new row replaces
                    int child = 2 * at + 1;
                    if (child >= cap) {
                        break;
                    }
                    if (child + 1 < cap && less(hash[child], id[child], hash[child + 1], id[child + 1])) {
                        child++;
                    }
                    if (less(h, i, hash[child], id[child])) {
                        hash[at] = hash[child];
                        id[at] = id[child];
                        at = child;
                    } else {
                        break;
                    }
                }
                hash[at] = h;
                id[at] = i;
            }
        }
        double[][] rows = new double[size][];
        for (int e = 0; e < size; e++) {
            rows[e] = new double[featureColumns.length];
            if (!Nearest.gather(b, (int) (id[e] - firstRowId), featureColumns, rows[e])) {
                return false;
            }
        }
        for (int e = 0; e < size; e++) {
            out.put(id[e], rows[e]);
        }
        return true;
    }

    /** (hash a, row a) before (hash b, row b) in the order of {@link #compare}: unsigned hash, then row id. */
    private static boolean less(long hashA, long rowA, long hashB, long rowB) {
        int c = Long.compareUnsigned(hashA, hashB);
        return c != 0 ? c < 0 : rowA < rowB;
    }

    private void sampleWeighted(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        int p = featureColumns.length;
        PriorityQueue<double[]> heap = new PriorityQueue<>((a, c) -> ParallelSampler.compare(c[0], (long) c[1], a[0],
                (long) a[1]));
        double[] x = new double[p];
        for (int r = 0; r < b.rows(); r++) {
            double w = b.get(r, weightColumn);
            if (!(w > 0) || Double.isInfinite(w) || !Nearest.gather(b, r, featureColumns, x)) {
                continue;
            }
            heap.add(new double[] {key(firstRowId + r, w, seed, salt), firstRowId + r});
            if (heap.size() > count) {
                heap.poll();
            }
        }
        for (double[] e : heap) {
            int r = (int) ((long) e[1] - firstRowId);
            double[] row = new double[p + 1];
            Nearest.gather(b, r, featureColumns, row);
            row[p] = b.get(r, weightColumn);
            out.put((long) e[1], row);
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
        out.writeInt(weightColumn);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        count = in.readInt();
        seed = in.readLong();
        salt = in.readLong();
        weightColumn = in.readInt();
    }
}
