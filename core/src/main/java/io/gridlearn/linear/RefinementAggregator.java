package io.gridlearn.linear;

import com.hazelcast.aggregation.Aggregator;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.PassCounts;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.SerializationIds;
import io.gridlearn.grid.Wire;
import io.gridlearn.pass.ExactVector;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;
import java.util.Map;

/**
 * The second pass of the QR solver: per block, the double-double {@link ResidualMoments} (X'r, r'r and, for the
 * full refinement, X'X) of the training rows at the first solution; their words are added exactly
 * ({@link ExactSum}), so the result does not depend on the order blocks arrive in and a member sends
 * O(q²) numbers whatever the number of blocks. One step of iterative refinement with these lifts TSQR from about cond(X)·1e-16 to the exact
 * least-squares solution of the stored data on every NIST StRD problem here (Björck 1996, §2.9).
 */
public final class RefinementAggregator implements Aggregator<Map.Entry<Integer, RowBlock>, RefinementAggregator>,
        IdentifiedDataSerializable, PassCounts {
    private static final long serialVersionUID = 1L;

    private int[] columns;
    private RowGrouping grouping;
    private int blockSize;
    private boolean intercept;
    private double[] beta;
    private boolean withGram = true;
    private double[] fill;

    private long blocks;
    private long rows;
    /** Rows that entered the moments, their parameter count, and the moments' (hi, lo) words, summed exactly. */
    private long momentRows;
    private int parameters;
    private ExactSum[] sums;

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
    public void accumulate(Map.Entry<Integer, RowBlock> entry) {
        RowBlock b = entry.getValue();
        blocks++;
        rows += b.rows();
        TrainingRows t = TrainingRows.of(b, columns, grouping, blockSize, intercept, fill);
        if (t.rows() > 0) {
            double[] m = (withGram ? ResidualMoments.of(t.values(), t.rows(), t.q(), beta)
                    : ResidualMoments.residualsOnly(t.values(), t.rows(), t.q(), beta)).toDoubles();
            momentRows += (long) m[0];
            parameters = (int) m[1];
            if (sums == null) {
                sums = ExactVector.zeros(m.length - 2);
            }
            for (int i = 2; i < m.length; i++) {
                sums[i - 2].add(m[i]);
            }
        }
    }

    @Override
    public void combine(Aggregator aggregator) {
        RefinementAggregator o = (RefinementAggregator) aggregator;
        blocks += o.blocks;
        rows += o.rows;
        momentRows += o.momentRows;
        if (o.sums != null) {
            parameters = o.parameters;
            if (sums == null) {
                sums = ExactVector.zeros(o.sums.length);
            }
            ExactVector.add(sums, o.sums);
        }
    }

    @Override
    public RefinementAggregator aggregate() {
        return this;
    }

    @Override
    public long blocks() {
        return blocks;
    }

    @Override
    public long rows() {
        return rows;
    }

    /**
     * The moments of all training rows: every block's (hi, lo) words were added exactly, so the total is the exact
     * sum of the blocks' double-double moments whatever the order, rounded here to double-double once (hi = the
     * rounded total, lo = the rounded remainder). Null when no row entered.
     */
    public ResidualMoments moments() {
        if (sums == null) {
            return null;
        }
        double[] data = new double[sums.length + 2];
        data[0] = momentRows;
        data[1] = parameters;
        for (int i = 0; i < sums.length; i += 2) {
            ExactSum total = new ExactSum(sums[i]);
            total.add(sums[i + 1]);
            double hi = total.doubleValue();
            total.add(-hi);
            data[2 + i] = hi;
            data[3 + i] = total.doubleValue();
        }
        return ResidualMoments.fromDoubles(data);
    }

    @Override
    public int getFactoryId() {
        return SerializationIds.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return SerializationIds.REFINEMENT_AGGREGATOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(columns);
        Wire.writeGrouping(out, grouping);
        out.writeInt(blockSize);
        out.writeBoolean(intercept);
        out.writeDoubleArray(beta);
        out.writeBoolean(withGram);
        out.writeDoubleArray(fill);
        out.writeLong(blocks);
        out.writeLong(rows);
        out.writeLong(momentRows);
        out.writeInt(parameters);
        out.writeInt(sums == null ? -1 : sums.length);
        if (sums != null) {
            for (ExactSum e : sums) {
                e.writeData(out);
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        columns = in.readIntArray();
        grouping = Wire.readGrouping(in);
        blockSize = in.readInt();
        intercept = in.readBoolean();
        beta = in.readDoubleArray();
        withGram = in.readBoolean();
        fill = in.readDoubleArray();
        blocks = in.readLong();
        rows = in.readLong();
        momentRows = in.readLong();
        parameters = in.readInt();
        int n = in.readInt();
        sums = n < 0 ? null : new ExactSum[n];
        for (int i = 0; i < n; i++) {
            sums[i] = ExactSum.readData(in);
        }
    }
}
