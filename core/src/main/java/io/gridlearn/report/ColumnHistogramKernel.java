package io.gridlearn.report;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * Histograms of numeric columns next to the data: column {@code columns[i]} is binned into {@code bins}
 * equal bins of [{@code mins[i]}, {@code maxs[i]}] (the maximum falls in the last bin); counts of column i
 * are at offsets i·bins … i·bins + bins − 1. Non-finite values are not counted.
 */
public final class ColumnHistogramKernel implements BlockKernel {
    private int[] columns;
    private double[] mins;
    private double[] maxs;
    private int bins;

    /** An empty kernel, for deserialization. */
    public ColumnHistogramKernel() {
    }

    /**
     * A kernel for the given columns and ranges.
     *
     * @param columns the block columns to bin
     * @param mins    the lower end of each column's range
     * @param maxs    the upper end of each column's range
     * @param bins    bins per column, ≥ 1
     */
    public ColumnHistogramKernel(int[] columns, double[] mins, double[] maxs, int bins) {
        this.columns = columns.clone();
        this.mins = mins.clone();
        this.maxs = maxs.clone();
        this.bins = bins;
    }

    /**
     * Bin of {@code x} in [lo, hi] split into {@code bins} equal bins; a constant column uses bin 0.
     *
     * @param x    the value, finite
     * @param lo   the range's lower end
     * @param hi   the range's upper end
     * @param bins the number of bins, ≥ 1
     * @return the bin, in [0, bins − 1]; values outside [lo, hi] fall in the first or last bin
     */
    public static int bin(double x, double lo, double hi, int bins) {
        if (!(hi > lo)) {
            return 0;
        }
        int k = (int) Math.floor((x - lo) / (hi - lo) * bins);
        return Math.min(bins - 1, Math.max(0, k));
    }

    @Override
    public int width() {
        return columns.length * bins;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        int n = b.rows();
        double[] v = b.values();
        for (int i = 0; i < columns.length; i++) {
            int off = columns[i] * n;
            for (int r = 0; r < n; r++) {
                double x = v[off + r];
                if (Double.isFinite(x)) {
                    partial[i * bins + bin(x, mins[i], maxs[i], bins)]++;
                }
            }
        }
    }

    @Override
    public int getFactoryId() {
        return ReportSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ReportSerializerHook.COLUMN_HISTOGRAM_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(columns);
        out.writeDoubleArray(mins);
        out.writeDoubleArray(maxs);
        out.writeInt(bins);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        columns = in.readIntArray();
        mins = in.readDoubleArray();
        maxs = in.readDoubleArray();
        bins = in.readInt();
    }
}
