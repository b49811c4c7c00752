package io.gridlearn.linear;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockChecks;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.BlockPartitions;
import io.gridlearn.data.PartitionedPass;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;
import io.gridlearn.model.Imputation;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.stats.ShiftedBlockMoments;

import java.io.IOException;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The one pass of the linear family. For z = [x_1 … x_p, y] it gathers, per row group (training folds,
 * test set), the exact moments {@code n, Σz, Σzz'} ({@link MomentMatrix}); when the QR solver is asked for
 * it also reduces every block's training rows [1?, x, y] to an R factor ({@link BlockQr}), grouped by the
 * Hazelcast partition of the block ({@link RFactorGroups}, which states the merge order and why it does not
 * depend on the members).
 *
 * <p>With {@code fill} (mean imputation, {@code --missing mean}) a non-finite feature value is first
 * replaced by its feature's fill value ({@link Imputation#fillColumns}), so every moment and R factor is that
 * of the imputed data. Rows that still hold a NaN or infinite value in any used column are left out and
 * counted; the trainer decides whether that is an error. Blocks and rows seen are counted by the base
 * ({@link BlockPassAggregator}) for {@link io.gridlearn.data.Passes}.
 *
 * <p>Partition groups: a member learns a block's partition from its own partition service (members inject
 * their {@link HazelcastInstance} into every aggregator they deserialize, {@link HazelcastInstanceAware}; tested
 * on 5.4 and 5.7), and the number of live blocks in each partition from the layout the driver passes in. An
 * instance that holds all of a partition's blocks folds them into one R ({@link #combineStatistic}, {@link #aggregate}
 * and before it is serialized, {@link #writeStatistic}: Hazelcast calls neither {@code onAccumulationFinished} nor
 * {@code onCombinationFinished} on a member's partial, measured). That is only a matter of traffic: the driver
 * folds whatever is left with the same arithmetic ({@link #rFactor}).
 *
 * <p>With a frequency-weight column (statsmodels' {@code freq_weights}) the moments are weighted
 * ({@link MomentMatrix#addShiftedWeighted}: n becomes Σw, Σz becomes Σ w z, Σzz' becomes Σ w z z') and the R
 * factors are those of the rows scaled by √w ({@link TrainingRows}); rows of weight 0 enter neither (they are
 * counted in the moments' row count only), and rows whose weight is negative or not finite are left out and
 * counted apart ({@link #badWeights()}), for the trainer to refuse.
 *
 * <p>Network cost: the moments are O(groups × p²) per member whatever n is; the R factors O(min(blocks,
 * partitions) × q²) per pass, q(q+1)/2 doubles each: bounded by the partition count (271 by default), and flat
 * once the blocks outnumber the partitions.
 *
 * <p>The maths and the merge order. Per block and group g with m rows, shift c (the block's rounded mean),
 * e = Σ(z − c) and D = Σ(z − c)(z − c)' in floating point ({@link ShiftedBlockMoments}), the moments gain, exactly,
 * S_g += e + m c and A_g += D + c e' + e c' + m c c' ({@link MomentMatrix#addShifted}); merging instances adds
 * exact sums, so the moments are the same whatever the order. The R factor of the training rows is
 * R = fold over partitions π ascending of (fold over the blocks b of π, ascending id, of R_b), each fold step
 * the QR of the two stacked triangles ({@link BlockQr#merge}); see {@link RFactorGroups}.
 *
 * <p>Why this pass stays an aggregator rather than a {@link io.gridlearn.pass.BlockKernel} on the pass engine:
 * the engine adds fixed-width vectors of doubles exactly, and a QR merge is not a sum; its result depends on the
 * order the R factors are merged in, which here is fixed by partition and block id and so needs the partition of
 * each block ({@link PartitionedPass}). The moments share the pass so that the data is read once. Its result is
 * therefore a function of the blocks and the partition count; the single-JVM reference
 * ({@code io.gridlearn.pass.LocalPassRunner}, given the cluster's block → partition map) gives the same bits.
 */
public final class LinearPassAggregator extends BlockPassAggregator<LinearPassAggregator>
        implements HazelcastInstanceAware, PartitionedPass {
    private static final long serialVersionUID = 1L;

    /** The dataset columns of z: features, then the target. */
    private int[] columns;
    /** Test split and folds. */
    private RowGrouping grouping;
    /** The dataset's block size, for row ids. */
    private int blockSize;
    /** Whether per-block R factors are computed too. */
    private boolean qr;
    /** Whether the QR design has a leading column of ones. */
    private boolean intercept;
    /** The fill value of each feature, or null for no imputation. */
    private double[] fill;
    /** The live blocks the pass reads, or null (nothing folded before the driver). */
    private BlockIds layout;
    /** The frequency-weight column, or −1. */
    private int weightColumn = -1;

    /** Rows left out for a non-finite value in a used column. */
    private long badRows;
    /** Rows left out for a negative or non-finite weight. */
    private long badWeights;
    /** The exact moments of z per row group; null until the first block. */
    private MomentMatrix[] moments;
    /** The R factors by partition, partly folded; null unless {@code qr}. */
    private RFactorGroups rFactors;

    private transient ShiftedBlockMoments kernel;
    private transient int[][] groupRows;
    private transient int[] groupCounts;
    private transient int[] groupZeros;
    private transient IntUnaryOperator partitionOf;
    private transient Map<Integer, Integer> liveBlocks;

    /** An empty aggregator, for deserialization. */
    public LinearPassAggregator() {
    }

    /**
     * @param columns   the dataset columns of z: features, then the target
     * @param grouping  test split and folds
     * @param blockSize the dataset's block size (for row ids)
     * @param qr        also compute per-block R factors of the training rows
     * @param intercept prepend a column of ones to the QR design
     */
    public LinearPassAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean qr, boolean intercept) {
        this(columns, grouping, blockSize, qr, intercept, null);
    }

    /**
     * @param columns   the dataset columns of z: features, then the target
     * @param grouping  test split and folds
     * @param blockSize the dataset's block size (for row ids)
     * @param qr        also compute per-block R factors of the training rows
     * @param intercept prepend a column of ones to the QR design
     * @param fill      the fill value of each feature ({@code columns[0 … p−1]}), or null for no imputation
     * @see #LinearPassAggregator(int[], RowGrouping, int, boolean, boolean)
     */
    public LinearPassAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean qr, boolean intercept,
                                double[] fill) {
        this(columns, grouping, blockSize, qr, intercept, fill, null);
    }

    /**
     * @param columns   the dataset columns of z: features, then the target
     * @param grouping  test split and folds
     * @param blockSize the dataset's block size (for row ids)
     * @param qr        also compute per-block R factors of the training rows
     * @param intercept prepend a column of ones to the QR design
     * @param fill      the fill value of each feature, or null for no imputation
     * @param layout    the live blocks the pass reads ({@link io.gridlearn.data.DatasetSchema#layout()}): how
     *                  many blocks each partition holds, so that a member can fold a partition's R factors before
     *                  sending them. Null: nothing is folded before the driver (same result, O(blocks) traffic).
     * @see #LinearPassAggregator(int[], RowGrouping, int, boolean, boolean, double[])
     */
    public LinearPassAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean qr, boolean intercept,
                                double[] fill, BlockIds layout) {
        this(columns, grouping, blockSize, qr, intercept, fill, layout, -1);
    }

    /**
     * @param columns      the dataset columns of z: features, then the target
     * @param grouping     test split and folds
     * @param blockSize    the dataset's block size (for row ids)
     * @param qr           also compute per-block R factors of the training rows
     * @param intercept    prepend a column of ones to the QR design
     * @param fill         the fill value of each feature, or null for no imputation
     * @param layout       the live blocks the pass reads, or null
     * @param weightColumn the frequency-weight column, or −1 for unweighted moments
     * @see #LinearPassAggregator(int[], RowGrouping, int, boolean, boolean, double[], BlockIds)
     */
    public LinearPassAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean qr, boolean intercept,
                                double[] fill, BlockIds layout, int weightColumn) {
        this.weightColumn = weightColumn;
        this.layout = layout;
        this.fill = fill == null ? null : fill.clone();
        this.columns = columns.clone();
        this.grouping = grouping;
        this.blockSize = blockSize;
        this.qr = qr;
        this.intercept = intercept;
    }

    /** Whether this pass also computes R factors (the QR solver). */
    boolean computesRFactors() {
        return qr;
    }

    /** A new, empty aggregator with the same settings (no partition function: for moment passes). */
    LinearPassAggregator emptyCopy() {
        return new LinearPassAggregator(columns, grouping, blockSize, qr, intercept, fill, layout, weightColumn);
    }

    private void init() {
        if (moments == null) {
            moments = new MomentMatrix[grouping.groups()];
            for (int g = 0; g < moments.length; g++) {
                moments[g] = new MomentMatrix(columns.length);
            }
            rFactors = new RFactorGroups(qrWidth());
        }
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        init();
        int n = b.rows();
        int groups = moments.length;
        if (groupRows == null || groupRows[0].length < n) {
            groupRows = new int[groups][Math.max(n, 16)];
            groupCounts = new int[groups];
            groupZeros = new int[groups];
            kernel = new ShiftedBlockMoments(columns.length);
        }
        java.util.Arrays.fill(groupCounts, 0);
        double[] v = Imputation.fillColumns(b.values(), n, columns, fill);
        long firstRowId = (long) b.blockId() * blockSize;
        if (weightColumn >= 0) {
            accumulateWeighted(b, v, n, firstRowId);
            if (qr) {
                addRFactor(b);
            }
            return;
        }
        if (groups == 1 && BlockChecks.allFinite(v, n, columns)) {
            groupCounts[0] = n; // the common case: every row, no per-row work
        } else {
            for (int r = 0; r < n; r++) {
                if (!finiteRow(v, n, r)) {
                    badRows++;
                    continue;
                }
                int g = groups == 1 ? 0 : grouping.group(firstRowId + r);
                groupRows[g][groupCounts[g]++] = r;
            }
        }
        for (int g = 0; g < groups; g++) {
            int m = groupCounts[g];
            if (m > 0) {
                kernel.compute(v, n, columns, groupCounts[g] == n ? null : groupRows[g], m);
                kernel.addTo(moments[g], m);
            }
        }
        if (qr) {
            addRFactor(b);
        }
    }

    /** The weighted form: rows of weight 0 only counted, rows with a bad weight counted apart. */
    private void accumulateWeighted(RowBlock b, double[] v, int n, long firstRowId) {
        int groups = moments.length;
        java.util.Arrays.fill(groupZeros, 0);
        double[] raw = b.values();
        int w0 = b.columnOffset(weightColumn);
        boolean all = true;
        for (int r = 0; r < n; r++) {
            double w = raw[w0 + r];
            if (!io.gridlearn.pass.Weights.valid(w)) {
                badWeights++;
                all = false;
                continue;
            }
            if (!finiteRow(v, n, r)) {
                badRows++;
                all = false;
                continue;
            }
            int g = groups == 1 ? 0 : grouping.group(firstRowId + r);
            if (w == 0) {
                groupZeros[g]++;
                all = false;
                continue;
            }
            groupRows[g][groupCounts[g]++] = r;
        }
        for (int g = 0; g < groups; g++) {
            int m = groupCounts[g];
            if (m > 0) {
                kernel.computeWeighted(v, n, columns, all && groups == 1 ? null : groupRows[g], m, raw, w0);
                kernel.addWeightedTo(moments[g], m + groupZeros[g]);
            } else if (groupZeros[g] > 0) {
                moments[g].addShiftedWeighted(groupZeros[g], 0.0, null, null, null);
            }
        }
    }

    private boolean finiteRow(double[] v, int n, int r) {
        for (int c : columns) {
            if (!Double.isFinite(v[c * n + r])) {
                return false;
            }
        }
        return true;
    }

    private void addRFactor(RowBlock b) {
        if (partitionOf == null) {
            throw new IllegalStateException("the QR pass needs the partition of each block: run it in a grid (members "
                    + "inject their instance) or call usePartitions first");
        }
        if (layout != null && !layout.contains(b.blockId())) {
            throw new IllegalStateException("block " + b.blockId() + " is not in the pass's layout " + layout);
        }
        TrainingRows t = TrainingRows.of(b, columns, grouping, blockSize, intercept, fill, weightColumn);
        double[] r = t.rows() > 0 ? BlockQr.factor(t.values(), t.rows(), t.q()) : RFactorGroups.NONE;
        rFactors.add(partitionOf.applyAsInt(b.blockId()), b.blockId(), r);
    }

    /** Members call this on every aggregator they deserialize: the partition function of this cluster. */
    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        usePartitions(BlockPartitions.of(hz));
    }

    /**
     * Sets the partition of each block id by hand, outside a grid (tests, tools); in a grid the members' own
     * partition service does ({@link #setHazelcastInstance}). Not serialized.
     */
    @Override
    public void usePartitions(IntUnaryOperator partitionOfBlock) {
        this.partitionOf = partitionOfBlock;
        this.liveBlocks = null;
    }

    /** Folds the partitions whose every live block this instance holds; needs the layout and partitions. */
    private void compact() {
        if (!qr || rFactors == null || !rFactors.hasPending() || partitionOf == null || layout == null) {
            return;
        }
        if (liveBlocks == null) {
            liveBlocks = BlockPartitions.liveBlocksPerPartition(layout, partitionOf);
        }
        rFactors.compact(g -> liveBlocks.getOrDefault(g, 0), partitionOf);
    }

    @Override
    protected void combineStatistic(LinearPassAggregator o) {
        badRows += o.badRows;
        badWeights += o.badWeights;
        if (o.moments == null) {
            return;
        }
        init();
        for (int g = 0; g < moments.length; g++) {
            moments[g].add(o.moments[g], 1);
        }
        rFactors.addAll(o.rFactors);
        compact();
    }

    @Override
    public LinearPassAggregator aggregate() {
        init();
        compact();
        return self();
    }

    /**
     * Rows left out for a NaN or infinite value in a used column.
     *
     * @return the row count, over every group
     */
    public long badRows() {
        return badRows;
    }

    /**
     * Rows left out for a negative or non-finite frequency weight (0 without a weight column).
     *
     * @return the row count, over every group
     */
    public long badWeights() {
        return badWeights;
    }

    /**
     * Moments of group g (see {@link RowGrouping}).
     *
     * @param g the group, in {@code [0, grouping.groups())}
     * @return its exact moments {@code n, Σz, Σzz'} (dimension p + 1); the aggregator's own, not a copy
     */
    public MomentMatrix moments(int g) {
        return moments[g];
    }

    /**
     * Exact sum of the moments of several groups.
     *
     * @param fromGroup        the first group
     * @param toGroupExclusive one past the last group
     * @return a new moment matrix, Σ over the groups of their moments
     */
    public MomentMatrix sum(int fromGroup, int toGroupExclusive) {
        MomentMatrix s = new MomentMatrix(columns.length);
        for (int g = fromGroup; g < toGroupExclusive; g++) {
            s.add(moments[g], 1);
        }
        return s;
    }

    /**
     * The R factor of all training rows, merged in the order {@link RFactorGroups} defines; the same bits whichever
     * instances folded which partitions.
     *
     * @return row-major {@code q x q} upper-triangular R of the training rows {@code [1?, x, y]},
     *         q = {@link #qrWidth()}
     * @throws io.gridlearn.BadInputException if no block had a training row
     */
    public double[] rFactor() {
        return rFactors.finish();
    }

    /** The R factors held, partly folded (for tests: what this instance would send). */
    RFactorGroups rFactorGroups() {
        return rFactors;
    }

    /**
     * The width of the QR design.
     *
     * @return q = p + 1 (features and target), plus 1 with an intercept
     */
    public int qrWidth() {
        return columns.length + (intercept ? 1 : 0);
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.LINEAR_PASS_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(columns);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
        out.writeBoolean(qr);
        out.writeBoolean(intercept);
        out.writeDoubleArray(fill);
        out.writeString(layout == null ? null : layout.toString());
        out.writeInt(weightColumn);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        out.writeLong(badRows);
        out.writeLong(badWeights);
        out.writeBoolean(moments != null);
        if (moments != null) {
            for (MomentMatrix m : moments) {
                m.writeData(out);
            }
            compact(); // the latest point a member can fold: its partial is being sent
            rFactors.writeData(out);
        }
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        columns = in.readIntArray();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
        qr = in.readBoolean();
        intercept = in.readBoolean();
        fill = in.readDoubleArray();
        String l = in.readString();
        layout = l == null ? null : BlockIds.parse(l);
        weightColumn = in.readInt();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        badRows = in.readLong();
        badWeights = in.readLong();
        if (in.readBoolean()) {
            moments = new MomentMatrix[grouping.groups()];
            for (int g = 0; g < moments.length; g++) {
                moments[g] = MomentMatrix.readData(in);
            }
            rFactors = RFactorGroups.readData(in, qrWidth());
        }
    }
}
