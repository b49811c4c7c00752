package io.gridlearn.kmeans;

import io.gridlearn.data.BlockChecks;
import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.Scratch;
import io.gridlearn.simd.Simd;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The assignment step of Lloyd's algorithm (Lloyd, "Least squares quantization in PCM", IEEE Trans. Inf.
 * Theory 28(2), 1982) for one block: every row goes to its nearest centre (squared Euclidean, ties to the
 * lowest index) and the block contributes, per cluster c, Σ x and the count n_c, plus the inertia
 * Σ min_c ‖x − c‖² and the number of rows skipped for a non-finite value.
 *
 * <p>Layout of the partial vector (k centres, p features): {@code [0, kp)} cluster sums row-major,
 * {@code [kp, kp+k)} counts, {@code kp+k} inertia, {@code kp+k+1} non-finite rows. The same kernel gives
 * the cost φ and the candidate weights of k-means‖ (its inertia and counts).
 *
 * <p>With frequency weights (a weight column; scikit-learn's {@code sample_weight}) a row of weight w adds w·x to
 * its cluster's sums, w to its count and w·d² to the inertia: the pass of the rows repeated w times. With w = 1
 * these are the unweighted operations ({@code 1·x = x}), so unit weights give the unweighted bits; rows of weight
 * 0 are left out (after the finiteness check, which counts them like any row).
 */
public final class LloydKernel implements BlockKernel {
    /** Rows per chunk of the column path: k distance runs of this length stay in the first-level cache. */
    private static final int CHUNK = 256;
    private static final Lanes LANES = Simd.lanes();

    private int[] featureColumns;
    private double[] centres;
    private int k;
    private int weightColumn = -1;
    /** The share of rows this pass reads ({@link RowSubsample}), 1 for every row. */
    private double fraction = 1;
    private long sampleSeed;

    /** An empty kernel, for deserialization. */
    public LloydKernel() {
    }

    /**
     * A kernel for the given centres.
     *
     * @param featureColumns the block columns of the p features
     * @param centres        k × p centres, flattened row-major
     * @param k              the number of centres
     */
    public LloydKernel(int[] featureColumns, double[] centres, int k) {
        this(featureColumns, centres, k, -1);
    }

    /**
     * A kernel for the given centres, with frequency weights.
     *
     * @param featureColumns the block columns of the p features
     * @param centres        k × p centres, flattened row-major
     * @param k              the number of centres
     * @param weightColumn   the block column of the frequency weights, or −1
     */
    public LloydKernel(int[] featureColumns, double[] centres, int k, int weightColumn) {
        this.weightColumn = weightColumn;
        this.featureColumns = featureColumns.clone();
        this.centres = centres.clone();
        this.k = k;
    }

    /**
     * The slot of the inertia in the partial vector.
     *
     * @param k the number of centres
     * @param p the number of features
     * @return kp + k
     */
    public static int inertiaSlot(int k, int p) {
        return k * p + k;
    }

    /**
     * The slot of the count of rows with a non-finite value in the partial vector.
     *
     * @param k the number of centres
     * @param p the number of features
     * @return kp + k + 1
     */
    public static int nonFiniteSlot(int k, int p) {
        return k * p + k + 1;
    }

    /**
     * The same kernel over a seeded uniform subsample of the rows ({@link RowSubsample}): the k-means‖ weights pass
     * on many rows, where the candidates' weights and means need not count every row.
     *
     * @param fraction the probability that a row is read, in (0, 1]; 1 reads every row (this kernel's bits)
     * @param seed     the seed of the subsample
     * @return a kernel over the subsample
     */
    LloydKernel subsample(double fraction, long seed) {
        LloydKernel s = new LloydKernel(featureColumns, centres, k, weightColumn);
        s.fraction = fraction;
        s.sampleSeed = seed;
        return s;
    }

    @Override
    public int width() {
        return k * featureColumns.length + k + 2;
    }

    /**
     * A block without non-finite values goes column by column, {@link #CHUNK} rows at a time: the squared
     * distances of the chunk's rows to each centre are summed on the vector units, several rows per instruction
     * and each row's sum held in a register across the features ({@link Lanes#squaredDistances}:
     * {@code d ← fma(x_j − c_j, x_j − c_j, d)}, j ascending from 0, per row exactly the operations of
     * {@link Nearest#distance}), then each row takes its nearest centre (strict {@code <}, as
     * {@link Nearest#nearest}) and the sums, counts and inertia are added in row order. So the result is the
     * row-at-a-time result bit for bit; only the memory access changes, from one cache line per value of a row
     * to contiguous columns. Blocks with a non-finite value take the row path, which counts and skips them.
     */
    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        if (fraction < 1) {
            RowSubsample s = RowSubsample.of(b, firstRowId, featureColumns, weightColumn, fraction, sampleSeed);
            if (s != null) {
                int p = featureColumns.length;
                new LloydKernel(RowSubsample.features(p), centres, k, weightColumn < 0 ? -1 : p)
                        .accumulate(s.block(), 0, partial);
            }
            return;
        }
        int n = b.rows();
        double[] v = b.values();
        if (!BlockChecks.allFinite(v, n, featureColumns)) {
            accumulateRows(b, partial);
            return;
        }
        int p = featureColumns.length;
        int counts = k * p;
        int inertia = inertiaSlot(k, p);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        double[] dist = Scratch.get(0, k * CHUNK);
        int[] best = new int[CHUNK];
        double[] bestD = new double[CHUNK];
        int[] starts = new int[p];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int j = 0; j < p; j++) {
                starts[j] = featureColumns[j] * n + from;
            }
            for (int c = 0; c < k; c++) {
                LANES.squaredDistances(v, starts, centres, c * p, p, dist, c * CHUNK, m);
            }
            for (int r = 0; r < m; r++) {
                int bc = 0;
                double bd = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = dist[c * CHUNK + r];
                    if (d < bd) {
                        bd = d;
                        bc = c;
                    }
                }
                best[r] = bc;
                bestD[r] = bd;
            }
            if (w0 >= 0) {
                addWeighted(v, n, from, m, w0, best, bestD, partial);
                continue;
            }
            for (int j = 0; j < p; j++) {
                int base = featureColumns[j] * n + from;
                for (int r = 0; r < m; r++) {
                    partial[best[r] * p + j] += v[base + r];
                }
            }
            for (int r = 0; r < m; r++) {
                partial[counts + best[r]]++;
                partial[inertia] += bestD[r];
            }
        }
    }

    /** The column path's sums of one chunk with weights: w·x, w, w·d² in row order; rows of weight 0 left out. */
    private void addWeighted(double[] v, int n, int from, int m, int w0, int[] best, double[] bestD,
                             double[] partial) {
        int p = featureColumns.length;
        for (int j = 0; j < p; j++) {
            int base = featureColumns[j] * n + from;
            for (int r = 0; r < m; r++) {
                double w = v[w0 + from + r];
                if (w > 0) {
                    partial[best[r] * p + j] += w * v[base + r];
                }
            }
        }
        for (int r = 0; r < m; r++) {
            double w = v[w0 + from + r];
            if (w > 0) {
                partial[k * p + best[r]] += w;
                partial[inertiaSlot(k, p)] += w * bestD[r];
            }
        }
    }

    /** Row at a time, skipping (and counting) rows with a non-finite value. */
    void accumulateRows(RowBlock b, double[] partial) {
        int p = featureColumns.length;
        double[] x = new double[p];
        double[] dist = new double[1];
        int counts = k * p;
        for (int r = 0; r < b.rows(); r++) {
            if (!Nearest.gather(b, r, featureColumns, x)) {
                partial[nonFiniteSlot(k, p)]++;
                continue;
            }
            double w = weightColumn < 0 ? 1.0 : b.get(r, weightColumn);
            if (!(w > 0)) {
                continue; // weight 0 (negative and non-finite weights are refused before any pass)
            }
            int c = Nearest.nearest(x, centres, k, p, dist);
            for (int j = 0; j < p; j++) {
                partial[c * p + j] += w * x[j];
            }
            partial[counts + c] += w;
            partial[inertiaSlot(k, p)] += w * dist[0];
        }
    }

    @Override
    public int getFactoryId() {
        return KmeansSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return KmeansSerializerHook.LLOYD_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(centres);
        out.writeInt(k);
        out.writeInt(weightColumn);
        out.writeDouble(fraction);
        out.writeLong(sampleSeed);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        centres = in.readDoubleArray();
        k = in.readInt();
        weightColumn = in.readInt();
        fraction = in.readDouble();
        sampleSeed = in.readLong();
    }
}
