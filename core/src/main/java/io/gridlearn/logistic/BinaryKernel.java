package io.gridlearn.logistic;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.SerializationIds;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * One Newton (or L-BFGS) pass of binary logistic regression at {@code θ} (intercept first, working scale
 * {@code z = (1, (x - c)/s)}).
 *
 * <p>Slots: {@code [rows, non-finite rows, bad targets, sure rows, log-likelihood, X'(y - p) (q),
 * X'WX packed lower (q(q+1)/2, only with the Hessian)]}, {@code q = p + 1}, {@code W = p(1-p)}. With
 * {@code η = θ·z}: {@code log L_i = yη - log(1 + e^η) = yη - max(η, 0) - log1p(e^{-|η|})}, and {@code p},
 * {@code 1 - p} are both computed from {@code e^{-|η|}}, so nothing overflows or cancels. A row is "sure"
 * when the fitted probability of the other class is at most 1e-10: the separation check counts them.
 */
public final class BinaryKernel implements BlockKernel {
    static final int HEAD = 5;
    static final double SURE = 1e-10;

    private int[] featureColumns;
    private int targetColumn;
    private double[] center;
    private double[] scale;
    private double[] theta;
    private boolean hessian;

    public BinaryKernel() {
    }

    public BinaryKernel(int[] featureColumns, int targetColumn, double[] center, double[] scale, double[] theta,
                        boolean hessian) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.center = center == null ? null : center.clone();
        this.scale = scale == null ? null : scale.clone();
        this.theta = theta.clone();
        this.hessian = hessian;
    }

    @Override
    public int width() {
        int q = featureColumns.length + 1;
        return HEAD + q + (hessian ? q * (q + 1) / 2 : 0);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int q = featureColumns.length + 1;
        double[] z = new double[q];
        int h0 = HEAD + q;
        for (int r = 0; r < b.rows(); r++) {
            if (!Rows.load(b, r, featureColumns, targetColumn, center, scale, z)) {
                partial[1]++;
                continue;
            }
            int y = Rows.classOf(b.get(r, targetColumn), 2);
            if (y < 0) {
                partial[2]++;
                continue;
            }
            double eta = 0.0;
            for (int j = 0; j < q; j++) {
                eta += theta[j] * z[j];
            }
            double e = Math.exp(-Math.abs(eta));
            double p1 = eta >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e); // P(y = 1)
            double p0 = eta >= 0 ? e / (1.0 + e) : 1.0 / (1.0 + e); // P(y = 0), not 1 - p1
            partial[0]++;
            partial[4] += y * eta - Math.max(eta, 0.0) - Math.log1p(e);
            if ((y == 1 ? p0 : p1) <= SURE) {
                partial[3]++;
            }
            double resid = y == 1 ? p0 : -p1;
            for (int j = 0; j < q; j++) {
                partial[HEAD + j] += resid * z[j];
            }
            if (hessian) {
                double w = p1 * p0;
                for (int i = 0; i < q; i++) {
                    double wi = w * z[i];
                    int base = h0 + Rows.packed(i, 0);
                    for (int j = 0; j <= i; j++) {
                        partial[base + j] += wi * z[j];
                    }
                }
            }
        }
    }

    @Override
    public int getClassId() {
        return SerializationIds.LOGISTIC_BINARY_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDoubleArray(center);
        out.writeDoubleArray(scale);
        out.writeDoubleArray(theta);
        out.writeBoolean(hessian);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        center = in.readDoubleArray();
        scale = in.readDoubleArray();
        theta = in.readDoubleArray();
        hessian = in.readBoolean();
    }
}
