package io.gridlearn.pca;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.stats.MomentMatrix;

import java.io.IOException;

/**
 * Shifted column moments with a shift s fixed for the whole pass: the count n, e = Σ (x − s) and, when
 * {@code cross}, D = Σ (x − s)(x − s)' (packed lower triangle, {@link MomentMatrix#packed} order). With
 * s = 0 it gives the column sums; with s = the column means it gives the centred cross products of the
 * two-pass algorithm, whose cancellation is only relative to the tiny e (Chan, Golub &amp; LeVeque,
 * Am. Stat. 37(3), 1983). The shift is global, not per block, because the runner can only add partial
 * vectors: per-block shifts would need exact products that a summed slot cannot carry.
 *
 * <p>Layout: {@code [0]} n, {@code [1]} rows with a non-finite used value (skipped), {@code [2, 2+p)} e,
 * then D.
 */
public final class ColumnMomentsKernel implements BlockKernel {
    private int[] featureColumns;
    private double[] shift;
    private boolean cross;

    /** An empty kernel, for deserialization. */
    public ColumnMomentsKernel() {
    }

    /**
     * A kernel for the given columns and shift.
     *
     * @param featureColumns the block columns of the p features
     * @param shift          the shift s, one value per feature
     * @param cross          true to add the cross products D as well as n and e
     */
    public ColumnMomentsKernel(int[] featureColumns, double[] shift, boolean cross) {
        this.featureColumns = featureColumns.clone();
        this.shift = shift.clone();
        this.cross = cross;
    }

    @Override
    public int width() {
        int p = featureColumns.length;
        return 2 + p + (cross ? p * (p + 1) / 2 : 0);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        int p = featureColumns.length;
        double[] v = b.values();
        double[] z = new double[p];
        for (int r = 0; r < n; r++) {
            boolean ok = true;
            for (int j = 0; j < p; j++) {
                double x = v[featureColumns[j] * n + r];
                ok &= Double.isFinite(x);
                z[j] = x - shift[j];
            }
            if (!ok) {
                partial[1]++;
                continue;
            }
            partial[0]++;
            for (int j = 0; j < p; j++) {
                partial[2 + j] += z[j];
            }
            if (cross) {
                int base = 2 + p;
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k <= j; k++) {
                        int i = base + MomentMatrix.packed(j, k);
                        partial[i] = Math.fma(z[j], z[k], partial[i]);
                    }
                }
            }
        }
    }

    @Override
    public int getFactoryId() {
        return PcaSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return PcaSerializerHook.COLUMN_MOMENTS_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(shift);
        out.writeBoolean(cross);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        shift = in.readDoubleArray();
        cross = in.readBoolean();
    }
}
