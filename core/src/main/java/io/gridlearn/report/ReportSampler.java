package io.gridlearn.report;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.SortedMap;

/**
 * A bounded seeded sample of rows for report plots, drawn next to the data: a row is kept when
 * {@link #uniform}(row id, seed) falls under {@code fraction} (sample size / rows) and every selected column
 * is finite. The decision depends only on the row id and seed, so any cluster layout keeps the same rows.
 * Each kept row is the feature columns followed by the target column (when {@code targetColumn >= 0}).
 */
public final class ReportSampler implements BlockSampler {
    private int[] featureColumns;
    private int targetColumn;
    private double fraction;
    private long seed;

    /** An empty sampler, for deserialization. */
    public ReportSampler() {
    }

    /**
     * A sampler of the given columns.
     *
     * @param featureColumns the block columns of the features
     * @param targetColumn   the block column of the target, or −1 for none
     * @param fraction       the probability of keeping a row, in [0, 1]: sample size / rows
     * @param seed           the seed of the row selection
     */
    public ReportSampler(int[] featureColumns, int targetColumn, double fraction, long seed) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.fraction = fraction;
        this.seed = seed;
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A uniform value in [0, 1) from (row id, seed), 53 random bits.
     *
     * @param rowId the row's 0-based id in the dataset
     * @param seed  the seed
     * @return the value u, 0 ≤ u &lt; 1
     */
    public static double uniform(long rowId, long seed) {
        return (mix(rowId + mix(seed + 0x5EED_9E37_79B9_7F4AL)) >>> 11) * 0x1.0p-53;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        int n = b.rows();
        double[] v = b.values();
        int w = featureColumns.length + (targetColumn >= 0 ? 1 : 0);
        for (int r = 0; r < n; r++) {
            long id = firstRowId + r;
            if (uniform(id, seed) >= fraction) {
                continue;
            }
            double[] row = new double[w];
            boolean ok = true;
            for (int j = 0; j < featureColumns.length; j++) {
                row[j] = v[featureColumns[j] * n + r];
                ok &= Double.isFinite(row[j]);
            }
            if (targetColumn >= 0) {
                row[w - 1] = v[targetColumn * n + r];
                ok &= Double.isFinite(row[w - 1]);
            }
            if (ok) {
                out.put(id, row);
            }
        }
    }

    @Override
    public int getFactoryId() {
        return ReportSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ReportSerializerHook.SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDouble(fraction);
        out.writeLong(seed);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        fraction = in.readDouble();
        seed = in.readLong();
    }
}
