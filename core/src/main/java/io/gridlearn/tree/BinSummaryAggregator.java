package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;

import java.io.IOException;
import java.util.Arrays;

/**
 * The first pass of a tree fit: per feature, the exact multiset of its values while it has at most {@code cap}
 * distinct ones (sorted distinct values with their counts), its smallest and largest finite value and its count of
 * missing (NaN) values; for the target, the count of non-finite values and its smallest and largest value.
 *
 * <p>Why exact counting: the multiset of a column's values does not depend on how its rows are spread over
 * members, so any bin edges computed from it alone are the same on 1 or 30 members. Merging two multisets is a
 * merge of two sorted lists adding counts (exact integer arithmetic, commutative and associative). A feature
 * whose distinct values exceed {@code cap} is marked <em>overflowed</em>; that mark is monotone (a union has at least
 * as many distinct values as each part), so it too is the same whatever the merge order, and such a feature's
 * edges come from a second, also exact, pass ({@link RangeHistogramAggregator}). Values are buffered and
 * sorted in batches, so a block costs O(rows log rows) per feature, not a merge of the whole list per block.
 *
 * <p>−0.0 is counted as 0.0 (they compare equal, so they must share a bin); NaN is missing; ±∞ are values but
 * not candidates for edges (edges stay finite, so the model JSON holds only numbers): −∞ falls in the first bin,
 * +∞ in the last.
 */
public final class BinSummaryAggregator extends BlockPassAggregator<BinSummaryAggregator> {
    private static final long serialVersionUID = 1L;

    /** The features' positions in the blocks. */
    private int[] featureColumns;
    /** The label's position in the blocks. */
    private int targetColumn;
    /** Most distinct values counted exactly per feature. */
    private int cap;

    /** Per feature: NaN count. */
    private long[] missing;
    /** Per feature: smallest finite value (+∞ when none). */
    private double[] min;
    /** Per feature: largest finite value (−∞ when none). */
    private double[] max;
    /** Per feature: more than {@code cap} distinct values. */
    private boolean[] overflow;
    /** Per feature: sorted distinct values and their counts (compacted part). */
    private double[][] values;
    /** Per feature, counts per bucket; null until a block is seen. */
    private long[][] counts;
    /** Per feature: values not yet compacted. */
    private transient double[][] buffer;
    private transient int[] buffered;
    /** Target: non-finite values, smallest and largest finite value. */
    private long targetBad;
    /** The weight column's position, or −1: rows of weight 0 are left out of every count. */
    private int weightColumn = -1;
    /** The held-out share left out (0: none), by {@link io.gridlearn.data.RowGrouping} of the row id and seed. */
    private double testFraction;
    /** The held-out split's seed. */
    private long splitSeed;
    /** Rows per block, for row ids (when a share is held out). */
    private int blockSize;
    /** Target: smallest finite value. */
    private double targetMin = Double.POSITIVE_INFINITY;
    /** Target: largest finite value. */
    private double targetMax = Double.NEGATIVE_INFINITY;

    /** For deserialization. */
    public BinSummaryAggregator() {
    }

    /**
     * @param featureColumns the features' positions in the blocks
     * @param targetColumn   the target's position
     * @param cap            most distinct values counted exactly per feature
     */
    public BinSummaryAggregator(int[] featureColumns, int targetColumn, int cap) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.cap = cap;
    }

    /**
     * Leaves the rows of weight 0 out (they are not in the fit); every other row counts once, whatever its weight.
     *
     * @param column the weight column's position, or −1 for none
     * @return this aggregator
     */
    BinSummaryAggregator withoutZeroWeights(int column) {
        this.weightColumn = column;
        return this;
    }

    /**
     * Leaves the held-out share out (it is not fitted, so it does not shape the bins).
     *
     * @param fraction  the held-out share, in [0, 1)
     * @param seed      the split's seed
     * @param rows      rows per block, for row ids
     * @return this aggregator
     */
    BinSummaryAggregator excluding(double fraction, long seed, int rows) {
        this.testFraction = fraction;
        this.splitSeed = seed;
        this.blockSize = rows;
        return this;
    }

    /** Per row of a block, whether it is left out: weight 0, or in the held-out share; null when none is. */
    private boolean[] leftOut(RowBlock b) {
        if (weightColumn < 0 && testFraction == 0) {
            return null;
        }
        int n = b.rows();
        boolean[] out = new boolean[n];
        double[] v = b.values();
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        io.gridlearn.data.RowGrouping g = testFraction == 0 ? null
                : new io.gridlearn.data.RowGrouping(testFraction, 0, splitSeed);
        long first = (long) b.blockId() * blockSize;
        for (int r = 0; r < n; r++) {
            out[r] = (w0 >= 0 && v[w0 + r] == 0) || (g != null && g.group(first + r) == g.testGroup());
        }
        return out;
    }

    private void init() {
        if (missing != null) {
            return;
        }
        int p = featureColumns.length;
        missing = new long[p];
        min = new double[p];
        max = new double[p];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        overflow = new boolean[p];
        values = new double[p][0];
        counts = new long[p][0];
    }

    private void initBuffers() {
        if (buffer == null) {
            buffer = new double[featureColumns.length][];
            buffered = new int[featureColumns.length];
        }
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init();
        initBuffers();
        double[] v = b.values();
        int n = b.rows();
        boolean[] out = leftOut(b);
        for (int j = 0; j < featureColumns.length; j++) {
            int o = b.columnOffset(featureColumns[j]);
            double lo = min[j];
            double hi = max[j];
            long nan = 0;
            double[] buf = overflow[j] ? null : room(j, n);
            int k = buffered[j];
            for (int r = 0; r < n; r++) {
                double x = v[o + r];
                if (out != null && out[r]) {
                    continue;
                }
                if (x != x) {
                    nan++;
                    continue;
                }
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    if (buf != null) {
                        buf[k++] = x == 0 ? 0.0 : x;
                    }
                }
            }
            missing[j] += nan;
            min[j] = lo;
            max[j] = hi;
            if (buf != null) {
                buffered[j] = k;
                if (k >= 2 * Math.max(cap, 1024)) {
                    compact(j);
                }
            }
        }
        int t = b.columnOffset(targetColumn);
        for (int r = 0; r < n; r++) {
            double y = v[t + r];
            if (out != null && out[r]) {
                continue;
            }
            if (!Double.isFinite(y)) {
                targetBad++;
            } else {
                targetMin = Math.min(targetMin, y);
                targetMax = Math.max(targetMax, y);
            }
        }
    }

    /** The buffer of feature j with room for n more values. */
    private double[] room(int j, int n) {
        double[] buf = buffer[j];
        int need = buffered[j] + n;
        if (buf == null || buf.length < need) {
            buf = Arrays.copyOf(buf == null ? new double[0] : buf, Math.max(need, buf == null ? 0 : 2 * buf.length));
            buffer[j] = buf;
        }
        return buf;
    }

    /** Sorts the buffered values of feature j into its distinct list; marks overflow past the cap. */
    private void compact(int j) {
        if (buffer == null || buffer[j] == null || buffered[j] == 0 || overflow[j]) {
            if (buffer != null) {
                buffered[j] = 0;
            }
            return;
        }
        double[] buf = buffer[j];
        int k = buffered[j];
        Arrays.sort(buf, 0, k);
        double[] dv = new double[k];
        long[] dc = new long[k];
        int d = 0;
        for (int i = 0; i < k; i++) {
            if (d > 0 && dv[d - 1] == buf[i]) {
                dc[d - 1]++;
            } else {
                dv[d] = buf[i];
                dc[d++] = 1;
            }
        }
        buffered[j] = 0;
        merge(j, dv, dc, d);
    }

    /** Merges d sorted distinct values with counts into feature j's list. */
    private void merge(int j, double[] bv, long[] bc, int d) {
        double[] av = values[j];
        long[] ac = counts[j];
        double[] mv = new double[av.length + d];
        long[] mc = new long[av.length + d];
        int i = 0;
        int k = 0;
        int m = 0;
        while (i < av.length || k < d) {
            if (k == d || (i < av.length && av[i] < bv[k])) {
                mv[m] = av[i];
                mc[m++] = ac[i++];
            } else if (i == av.length || bv[k] < av[i]) {
                mv[m] = bv[k];
                mc[m++] = bc[k++];
            } else {
                mv[m] = av[i];
                mc[m++] = ac[i++] + bc[k++];
            }
        }
        if (m > cap) {
            overflow[j] = true;
            values[j] = new double[0];
            counts[j] = new long[0];
            if (buffer != null) {
                buffer[j] = null;
                buffered[j] = 0;
            }
        } else {
            values[j] = Arrays.copyOf(mv, m);
            counts[j] = Arrays.copyOf(mc, m);
        }
    }

    private void compactAll() {
        if (missing == null || buffer == null) {
            return;
        }
        for (int j = 0; j < featureColumns.length; j++) {
            compact(j);
        }
    }

    @Override
    protected void combineStatistic(BinSummaryAggregator o) {
        o.compactAll();
        if (o.missing == null) {
            return;
        }
        init();
        compactAll();
        for (int j = 0; j < featureColumns.length; j++) {
            missing[j] += o.missing[j];
            min[j] = Math.min(min[j], o.min[j]);
            max[j] = Math.max(max[j], o.max[j]);
            if (o.overflow[j] && !overflow[j]) {
                overflow[j] = true;
                values[j] = new double[0];
                counts[j] = new long[0];
            } else if (!overflow[j]) {
                merge(j, o.values[j], o.counts[j], o.values[j].length);
            }
        }
        targetBad += o.targetBad;
        targetMin = Math.min(targetMin, o.targetMin);
        targetMax = Math.max(targetMax, o.targetMax);
    }

    @Override
    public BinSummaryAggregator aggregate() {
        compactAll();
        return self();
    }

    /** @return the number of features */
    int features() {
        return featureColumns.length;
    }

    /**
     * @param j a feature
     * @return its NaN count
     */
    long missing(int j) {
        return missing == null ? 0 : missing[j];
    }

    /**
     * @param j a feature
     * @return its smallest finite value, +∞ when it has none
     */
    double min(int j) {
        return missing == null ? Double.POSITIVE_INFINITY : min[j];
    }

    /**
     * @param j a feature
     * @return its largest finite value, −∞ when it has none
     */
    double max(int j) {
        return missing == null ? Double.NEGATIVE_INFINITY : max[j];
    }

    /**
     * @param j a feature
     * @return true when it has more distinct values than the cap
     */
    boolean overflowed(int j) {
        return missing != null && overflow[j];
    }

    /**
     * @param j a feature, not overflowed
     * @return its distinct non-missing values, ascending
     */
    double[] distinct(int j) {
        return missing == null ? new double[0] : values[j];
    }

    /**
     * @param j a feature, not overflowed
     * @return the count of each of its distinct values
     */
    long[] distinctCounts(int j) {
        return missing == null ? new long[0] : counts[j];
    }

    /** @return rows whose target is NaN or infinite */
    long targetBad() {
        return targetBad;
    }

    /** @return the smallest finite target */
    double targetMin() {
        return targetMin;
    }

    /** @return the largest finite target */
    double targetMax() {
        return targetMax;
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.BIN_SUMMARY;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(cap);
        out.writeInt(weightColumn);
        out.writeDouble(testFraction);
        out.writeLong(splitSeed);
        out.writeInt(blockSize);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        cap = in.readInt();
        weightColumn = in.readInt();
        testFraction = in.readDouble();
        splitSeed = in.readLong();
        blockSize = in.readInt();
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        compactAll();
        out.writeLong(targetBad);
        out.writeDouble(targetMin);
        out.writeDouble(targetMax);
        out.writeBoolean(missing != null);
        if (missing == null) {
            return;
        }
        out.writeLongArray(missing);
        out.writeDoubleArray(min);
        out.writeDoubleArray(max);
        out.writeBooleanArray(overflow);
        for (int j = 0; j < featureColumns.length; j++) {
            out.writeDoubleArray(values[j]);
            out.writeLongArray(counts[j]);
        }
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        targetBad = in.readLong();
        targetMin = in.readDouble();
        targetMax = in.readDouble();
        buffer = null;
        buffered = null;
        if (!in.readBoolean()) {
            missing = null;
            return;
        }
        missing = in.readLongArray();
        min = in.readDoubleArray();
        max = in.readDoubleArray();
        overflow = in.readBooleanArray();
        values = new double[featureColumns.length][];
        counts = new long[featureColumns.length][];
        for (int j = 0; j < featureColumns.length; j++) {
            values[j] = in.readDoubleArray();
            counts[j] = in.readLongArray();
        }
    }
}
