package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockPassAggregator;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;

import java.io.IOException;

/**
 * The second pass of the QR solver: per block, the double-double {@link ResidualMoments} (X'r, r'r and, for the
 * full refinement, X'X) of the training rows at the first solution; their words are added exactly
 * ({@link ResidualSums}), so the result does not depend on the order blocks arrive in and a member sends
 * O(q²) numbers whatever the number of blocks. One step of iterative refinement with these lifts TSQR from about cond(X)·1e-16 to the exact
 * least-squares solution of the stored data on every NIST StRD problem here (Björck 1996, §2.9).
 */
public final class RefinementAggregator extends BlockPassAggregator<RefinementAggregator> {
    private static final long serialVersionUID = 1L;

    private int[] columns;
    private RowGrouping grouping;
    private int blockSize;
    private boolean intercept;
    private double[] beta;
    private boolean withGram = true;
    private double[] fill;

    private ResidualSums sums = new ResidualSums();

    public RefinementAggregator() {
    }

    /** @param beta coefficients in design order (intercept first when there is one) */
    public RefinementAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean intercept, double[] beta) {
        this(columns, grouping, blockSize, intercept, beta, null, true);
    }

    /**
     * @param fill     per-feature fill values of mean imputation (the same as the first pass's), or null
     * @param withGram gather {@code X'X} too ({@link ResidualMoments#of}); false for the light form
     *                 ({@link ResidualMoments#residualsOnly})
     */
    public RefinementAggregator(int[] columns, RowGrouping grouping, int blockSize, boolean intercept, double[] beta,
                                double[] fill, boolean withGram) {
        this.fill = fill == null ? null : fill.clone();
        this.withGram = withGram;
        this.columns = columns.clone();
        this.grouping = grouping;
        this.blockSize = blockSize;
        this.intercept = intercept;
        this.beta = beta.clone();
    }

    @Override
    protected void accumulateBlock(RowBlock b) {
        TrainingRows t = TrainingRows.of(b, columns, grouping, blockSize, intercept, fill);
        if (t.rows() > 0) {
            sums.add(withGram ? ResidualMoments.of(t.values(), t.rows(), t.q(), beta)
                    : ResidualMoments.residualsOnly(t.values(), t.rows(), t.q(), beta));
        }
    }

    @Override
    protected void combineStatistic(RefinementAggregator o) {
        sums.add(o.sums);
    }

    /** The moments of all training rows, summed exactly ({@link ResidualSums}); null when no row entered. */
    public ResidualMoments moments() {
        return sums.total();
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.REFINEMENT_AGGREGATOR;
    }

    @Override
    protected void writeSettings(ObjectDataOutput out) throws IOException {
        out.writeIntArray(columns);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
        out.writeBoolean(intercept);
        out.writeDoubleArray(beta);
        out.writeBoolean(withGram);
        out.writeDoubleArray(fill);
    }

    @Override
    protected void writeStatistic(ObjectDataOutput out) throws IOException {
        sums.writeData(out);
    }

    @Override
    protected void readSettings(ObjectDataInput in) throws IOException {
        columns = in.readIntArray();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
        intercept = in.readBoolean();
        beta = in.readDoubleArray();
        withGram = in.readBoolean();
        fill = in.readDoubleArray();
    }

    @Override
    protected void readStatistic(ObjectDataInput in) throws IOException {
        sums = ResidualSums.readData(in);
    }
}
