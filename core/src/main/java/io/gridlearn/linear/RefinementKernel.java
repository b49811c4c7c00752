package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.Wire;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;

/**
 * The second pass of the QR solver, as a {@link BlockKernel} on the pass engine: per block, the double-double
 * {@link ResidualMoments} of the training rows [1?, x, y] at the first solution β, i.e. with r_i = y_i − x_i·β,
 * <pre>
 *   X'r = Σ_i x_i r_i,    r'r = Σ_i r_i²,    and for the full refinement X'X = Σ_i x_i x_i'
 * </pre>
 * each accumulated row by row in double-double arithmetic inside the block. One step of iterative refinement with
 * these lifts TSQR from about cond(X)·1e-16 to the exact least-squares solution of the stored data on every NIST
 * StRD problem here (Björck 1996, §2.9).
 *
 * <p>The block's partial vector is {@code [m, w_0, w_1, …]}: m the block's training rows, then the (hi, lo) words
 * of X'r, r'r and (with the Gram) the packed upper triangle of X'X, in {@link ResidualMoments#toDoubles()}'s
 * order. Every entry of a block's partial is one double, written once, so the partial is exact; the engine adds
 * the partials of all blocks exactly ({@link ExactSum}, one per entry), so the sums are the exact Σ over blocks of
 * each word whatever the order blocks and members' partials arrive in. {@link #moments(ExactSum[])} then rounds
 * each pair once to double-double: with W = w_hi + w_lo summed exactly, hi = fl(W) and lo = fl(W − hi). That is
 * {@link ResidualSums#total()}'s arithmetic on the same exact values, so this kernel gives the bits the former
 * refinement aggregator gave, and the single-JVM route ({@link QrLeastSquares#refine}) gives them too.
 *
 * <p>With frequency weights the rows are those of the first pass, scaled by √w ({@link TrainingRows}), so the
 * sums are X'Wr, r'Wr and X'WX; m still counts rows (those of positive weight).
 *
 * <p>Blocks with no training row contribute the zero vector; a pass in which no block had one has m = 0 and no
 * moments ({@code null}), as before.
 */
public final class RefinementKernel implements BlockKernel {
    private int[] columns;
    private RowGrouping grouping;
    private int blockSize;
    private boolean intercept;
    private double[] beta;
    private boolean withGram = true;
    private double[] fill;
    private int weightColumn = -1;

    /** For deserialization. */
    public RefinementKernel() {
    }

    /**
     * @param columns   the dataset columns of z: features, then the target
     * @param grouping  test split and folds (only training rows enter)
     * @param blockSize the dataset's block size (for row ids)
     * @param intercept prepend a column of ones to the design
     * @param beta      coefficients in design order (intercept first when there is one)
     * @param fill      per-feature fill values of mean imputation (the same as the first pass's), or null
     * @param withGram  gather {@code X'X} too ({@link ResidualMoments#of}); false for the light form
     *                  ({@link ResidualMoments#residualsOnly})
     */
    public RefinementKernel(int[] columns, RowGrouping grouping, int blockSize, boolean intercept, double[] beta,
                            double[] fill, boolean withGram) {
        this(columns, grouping, blockSize, intercept, beta, fill, withGram, -1);
    }

    /**
     * @param columns      the dataset columns of z: features, then the target
     * @param grouping     test split and folds (only training rows enter)
     * @param blockSize    the dataset's block size (for row ids)
     * @param intercept    prepend a column of ones to the design
     * @param beta         coefficients in design order (intercept first when there is one)
     * @param fill         per-feature fill values of mean imputation, or null
     * @param withGram     gather {@code X'X} too; false for the light form
     * @param weightColumn the frequency-weight column (rows scaled by √w, zero weights left out), or −1
     */
    public RefinementKernel(int[] columns, RowGrouping grouping, int blockSize, boolean intercept, double[] beta,
                            double[] fill, boolean withGram, int weightColumn) {
        this.weightColumn = weightColumn;
        this.columns = columns.clone();
        this.grouping = grouping;
        this.blockSize = blockSize;
        this.intercept = intercept;
        this.beta = beta.clone();
        this.fill = fill == null ? null : fill.clone();
        this.withGram = withGram;
    }

    @Override
    public int width() {
        return 1 + ResidualMoments.words(beta.length, withGram);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        TrainingRows t = TrainingRows.of(b, columns, grouping, blockSize, intercept, fill, weightColumn);
        if (t.rows() == 0) {
            return;
        }
        ResidualMoments m = withGram ? ResidualMoments.of(t.values(), t.rows(), t.q(), beta)
                : ResidualMoments.residualsOnly(t.values(), t.rows(), t.q(), beta);
        double[] d = m.toDoubles(); // [rows, k, words…]
        partial[0] = d[0];
        System.arraycopy(d, 2, partial, 1, d.length - 2);
    }

    /**
     * The moments of all training rows from the engine's exact sums ({@code PassRunner#exactSum}).
     *
     * @param sums the exact sums of every block's partial, length {@link #width()}
     * @return the moments, each word pair rounded once to double-double; null when no training row entered
     */
    public ResidualMoments moments(ExactSum[] sums) {
        return ResidualSums.total((long) sums[0].doubleValue(), beta.length, sums, 1);
    }

    @Override
    public int getFactoryId() {
        return LinearSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return LinearSerializerHook.REFINEMENT_KERNEL;
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
        out.writeInt(weightColumn);
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
        weightColumn = in.readInt();
    }
}
