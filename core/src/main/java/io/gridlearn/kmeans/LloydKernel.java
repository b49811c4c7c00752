package io.gridlearn.kmeans;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.SerializationIds;
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
 */
public final class LloydKernel implements BlockKernel {
    public static final int CLASS_ID = SerializationIds.KMEANS_LLOYD_KERNEL;

    private int[] featureColumns;
    private double[] centres;
    private int k;

    public LloydKernel() {
    }

    /** @param centres k × p centres, flattened row-major */
    public LloydKernel(int[] featureColumns, double[] centres, int k) {
        this.featureColumns = featureColumns.clone();
        this.centres = centres.clone();
        this.k = k;
    }

    public static int inertiaSlot(int k, int p) {
        return k * p + k;
    }

    public static int nonFiniteSlot(int k, int p) {
        return k * p + k + 1;
    }

    @Override
    public int width() {
        return k * featureColumns.length + k + 2;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int p = featureColumns.length;
        double[] x = new double[p];
        double[] dist = new double[1];
        int counts = k * p;
        for (int r = 0; r < b.rows(); r++) {
            if (!Nearest.gather(b, r, featureColumns, x)) {
                partial[nonFiniteSlot(k, p)]++;
                continue;
            }
            int c = Nearest.nearest(x, centres, k, p, dist);
            for (int j = 0; j < p; j++) {
                partial[c * p + j] += x[j];
            }
            partial[counts + c]++;
            partial[inertiaSlot(k, p)] += dist[0];
        }
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(centres);
        out.writeInt(k);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        centres = in.readDoubleArray();
        k = in.readInt();
    }
}
