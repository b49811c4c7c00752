package io.gridlearn.kmeans;

import io.gridlearn.data.BlockChecks;
import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.Scratch;
import io.gridlearn.simd.Simd;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.PriorityQueue;
import java.util.SortedMap;

/**
 * One oversampling round of k-means‖ (Bahmani, Moseley, Vattani, Kumar &amp; Vassilvitskii, "Scalable
 * K-Means++", PVLDB 5(7), 2012, Algorithm 2, step 4) in a single pass: {@code count} rows drawn without
 * replacement with probability ∝ d²(x, C), by the exponential race of Efraimidis &amp; Spirakis ("Weighted
 * random sampling with a reservoir", IPL 97(5), 2006): row x gets the key E_x / d²(x, C) with
 * E_x = −ln(1 − {@link RowHash#uniform}(row id, seed, round)) and the {@code count} smallest keys win (ties
 * by row id). Unlike the paper's independent coins ℓ·d²/φ it needs no φ, hence no pass before it. Each
 * block returns its own {@code count} smallest; the driver keeps the global {@code count} smallest of the
 * union ({@link #key}, {@link #compare}), the same set on every cluster and block size. Rows at distance 0
 * from C are never drawn.
 *
 * <p>With frequency weights (a weight column) the draw is ∝ w·d²(x, C), the key E_x / (w_x d²), so rows of weight
 * 0 are never drawn; each drawn row is returned with its weight appended ({@code [x_1 … x_p, w]}), which
 * {@link #key(long, double[])} reads.
 */
public final class ParallelSampler implements BlockSampler {
    /** Rows per chunk of the column path: a chunk's distances stay in the first-level cache. */
    private static final int CHUNK = 256;
    private static final Lanes LANES = Simd.lanes();
    private int[] featureColumns;
    private double[] centres;
    private int m;
    private int count;
    private long seed;
    private int round;
    private int weightColumn = -1;
    /** The share of rows the round draws from ({@link RowSubsample}), 1 for every row. */
    private double fraction = 1;

    /** An empty sampler, for deserialization. */
    public ParallelSampler() {
    }

    /**
     * A sampler for one round.
     *
     * @param featureColumns the block columns of the p features
     * @param centres        the centres C chosen so far, m × p, flattened row-major
     * @param m              the number of centres in C
     * @param count          how many rows the round keeps: the ones with the smallest keys
     * @param seed           the seed of the keys
     * @param round          the round's number, a key seed of its own
     */
    public ParallelSampler(int[] featureColumns, double[] centres, int m, int count, long seed, int round) {
        this(featureColumns, centres, m, count, seed, round, -1);
    }

    /**
     * A sampler for one round, ∝ w·d² when {@code weightColumn} ≥ 0.
     *
     * @param featureColumns the block columns of the p features
     * @param centres        the centres C chosen so far, m × p, flattened row-major
     * @param m              the number of centres in C
     * @param count          how many rows the round keeps
     * @param seed           the seed of the keys
     * @param round          the round's number, a key seed of its own
     * @param weightColumn   the block column of the frequency weights, or −1
     */
    public ParallelSampler(int[] featureColumns, double[] centres, int m, int count, long seed, int round,
                           int weightColumn) {
        this.weightColumn = weightColumn;
        this.featureColumns = featureColumns.clone();
        this.centres = centres.clone();
        this.m = m;
        this.count = count;
        this.seed = seed;
        this.round = round;
    }

    /**
     * The same round drawn from a seeded uniform subsample of the rows ({@link RowSubsample}, seeded by this
     * sampler's seed): on many rows, ∝ d² among the subsample's rows.
     *
     * @param fraction the probability that a row takes part, in (0, 1]; 1 for every row (this sampler's draw)
     * @return a sampler over the subsample
     */
    ParallelSampler subsample(double fraction) {
        ParallelSampler s = new ParallelSampler(featureColumns, centres, m, count, seed, round, weightColumn);
        s.fraction = fraction;
        return s;
    }

    /** The race key of row {@code id} at squared distance d2 from the centres: smaller is drawn first. */
    static double key(long id, double d2, long seed, int round) {
        return d2 > 0 ? -Math.log1p(-RowHash.uniform(id, seed, round)) / d2 : Double.POSITIVE_INFINITY;
    }

    /** Orders (key, row id) pairs: by key, then by row id. */
    static int compare(double keyA, long rowA, double keyB, long rowB) {
        int c = Double.compare(keyA, keyB);
        return c != 0 ? c : Long.compare(rowA, rowB);
    }

    /** The key of row {@code x} (row id {@code id}; with weights, its weight last) for these centres. */
    double key(long id, double[] x) {
        double[] dist = new double[1];
        int p = featureColumns.length;
        Nearest.nearest(x, centres, m, p, dist);
        return key(id, weightColumn < 0 ? dist[0] : x[p] * dist[0], seed, round);
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        if (fraction < 1) {
            RowSubsample s = RowSubsample.of(b, firstRowId, featureColumns, weightColumn, fraction, seed);
            if (s != null) {
                int p = featureColumns.length;
                new ParallelSampler(RowSubsample.features(p), centres, m, count, seed, round, weightColumn < 0 ? -1 : p)
                        .sample(s.block(), s.ids(), out);
            }
            return;
        }
        long[] ids = new long[b.rows()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = firstRowId + r;
        }
        sample(b, ids, out);
    }

    /** The round over a block whose row r has row id {@code ids[r]} (ascending in r). */
    private void sample(RowBlock b, long[] ids, SortedMap<Long, double[]> out) {
        int p = featureColumns.length;
        double[] x = new double[p];
        double[] dist = new double[1];
        // Max-heap of the best `count` (key, row) pairs so far: the worst is evicted first.
        PriorityQueue<double[]> heap = new PriorityQueue<>((a, c) -> compare(c[0], (long) c[1], a[0], (long) a[1]));
        double[] nearest = BlockChecks.allFinite(b.values(), b.rows(), featureColumns) ? nearestByColumns(b) : null;
        for (int r = 0; r < b.rows(); r++) {
            if (nearest != null) {
                dist[0] = nearest[r];
            } else if (!Nearest.gather(b, r, featureColumns, x)) {
                continue;
            } else {
                Nearest.nearest(x, centres, m, p, dist);
            }
            long id = ids[r];
            double w = weightColumn < 0 ? 1.0 : b.get(r, weightColumn);
            if (!(w > 0) || Double.isInfinite(w)) {
                continue;
            }
            double k = key(id, weightColumn < 0 ? dist[0] : w * dist[0], seed, round);
            if (k == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (heap.size() == count && compare(k, r, heap.peek()[0], (long) heap.peek()[1]) >= 0) {
                continue; // not among the best `count`: it would be evicted at once
            }
            heap.add(new double[] {k, r});
            if (heap.size() > count) {
                heap.poll();
            }
        }
        for (double[] e : heap) {
            int r = (int) e[1];
            double[] row = new double[weightColumn < 0 ? p : p + 1];
            Nearest.gather(b, r, featureColumns, row);
            if (weightColumn >= 0) {
                row[p] = b.get(r, weightColumn);
            }
            out.put(ids[r], row);
        }
    }

    /**
     * d²(x, C) of every row of a block whose feature values are all finite, computed column by column as
     * {@link LloydKernel} does: for each centre and feature j ascending, {@code d ← fma(x_j − c_j, x_j − c_j, d)}
     * over a chunk of rows at once, then the least over the centres. Per row these are exactly the operations of
     * {@link Nearest#nearest}, so the distances, and hence the keys, are the row path's bit for bit; only the
     * memory access changes (contiguous columns, several rows per vector instruction).
     */
    private double[] nearestByColumns(RowBlock b) {
        int n = b.rows();
        int p = featureColumns.length;
        double[] v = b.values();
        double[] best = new double[n];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] d = Scratch.get(0, CHUNK);
        int[] starts = new int[p];
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            for (int j = 0; j < p; j++) {
                starts[j] = featureColumns[j] * n + from;
            }
            for (int c = 0; c < m; c++) {
                LANES.squaredDistances(v, starts, centres, c * p, p, d, 0, len);
                for (int r = 0; r < len; r++) {
                    if (d[r] < best[from + r]) {
                        best[from + r] = d[r];
                    }
                }
            }
        }
        return best;
    }

    @Override
    public int getFactoryId() {
        return KmeansSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return KmeansSerializerHook.PARALLEL_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(centres);
        out.writeInt(m);
        out.writeInt(count);
        out.writeLong(seed);
        out.writeInt(round);
        out.writeInt(weightColumn);
        out.writeDouble(fraction);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        centres = in.readDoubleArray();
        m = in.readInt();
        count = in.readInt();
        seed = in.readLong();
        round = in.readInt();
        weightColumn = in.readInt();
        fraction = in.readDouble();
    }
}
