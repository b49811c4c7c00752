package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.Predictors;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The loss of a tree model after every boosting round (gbt) or every tree (random forest) over a dataset, for the
 * report's loss-per-tree chart: one pass, next to the data, returning
 * {@code [loss after step 1 … step R, rows]} for the rows of the fit's training share, then the same for its
 * held-out share ({@link RowGrouping} of the row id and the fit's seed, when the fit had a {@code testFraction}
 * and the data is its dataset; otherwise every row counts as group 0). Rows with a non-finite label are left out;
 * rows are not weighted.
 *
 * <p>The losses are those of {@link GbtHeldOutKernel} (XGBoost's evaluation metrics): squared error (y − m)²
 * (rmse once divided and rooted), log loss with p clipped to [10⁻¹⁶, 1 − 10⁻¹⁶], and for softmax −log max(p_y,
 * 10⁻¹⁶), after each round's trees are added in tree order; for a forest the average of the first t trees
 * (squared error, or the log loss of the share of class 1 for Gini). So on a gbt fit's own dataset the held-out
 * curve is the fit's {@code summary.testScores} when it was fit without weights.
 */
public final class TreeLossKernel implements BlockKernel {
    private String modelJson;
    private int[] featureColumns;
    private int targetColumn;
    private double testFraction;
    private long seed;
    private transient Tree[] trees;
    private transient int steps;
    private transient int perStep;
    private transient int kind;
    private transient double baseMargin;
    private transient RowGrouping grouping;

    private static final int SQUARED = 0;
    private static final int LOGISTIC = 1;
    private static final int SOFTMAX = 2;
    private static final int FOREST_SQUARED = 3;
    private static final int FOREST_GINI = 4;

    /** For deserialization. */
    public TreeLossKernel() {
    }

    /**
     * @param modelJson      a gbt or random-forest model's JSON
     * @param featureColumns its features' positions in the blocks
     * @param targetColumn   the label's position
     * @param testFraction   the fit's held-out share (0: one group)
     * @param seed           the fit's seed
     */
    public TreeLossKernel(String modelJson, int[] featureColumns, int targetColumn, double testFraction, long seed) {
        this.modelJson = modelJson;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.testFraction = testFraction;
        this.seed = seed;
    }

    /**
     * The number of steps (rounds of a gbt model, trees of a forest) of a model.
     *
     * @param m a gbt or random-forest model
     * @return R
     */
    public static int steps(ModelDocument m) {
        int d = m.features().size();
        if (GbtModel.ALGORITHM.equals(m.algorithm())) {
            return GbtModel.trees(m, d).size() / GbtModel.treesPerRound(m);
        }
        return ForestModel.trees(m, d).size();
    }

    private void init() {
        if (trees != null) {
            return;
        }
        ModelDocument m = ModelJson.read(modelJson, "report");
        int d = m.features().size();
        if (GbtModel.ALGORITHM.equals(m.algorithm())) {
            trees = GbtModel.trees(m, d).toArray(new Tree[0]);
            perStep = GbtModel.treesPerRound(m);
            baseMargin = GbtModel.baseMargin(m);
            kind = switch (GbtModel.objective(m)) {
                case SQUARED_ERROR -> SQUARED;
                case LOGISTIC -> LOGISTIC;
                case SOFTMAX -> SOFTMAX;
            };
        } else {
            trees = ForestModel.trees(m, d).toArray(new Tree[0]);
            perStep = 1;
            kind = ForestModel.objective(m).classifier() ? FOREST_GINI : FOREST_SQUARED;
        }
        steps = trees.length / perStep;
        grouping = testFraction > 0 ? new RowGrouping(testFraction, 0, seed) : null;
    }

    @Override
    public int width() {
        init();
        return 2 * (steps + 1);
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        init();
        double[] v = b.values();
        int n = b.rows();
        int t0 = b.columnOffset(targetColumn);
        double[] x = new double[featureColumns.length];
        double[] margins = new double[perStep];
        for (int r = 0; r < n; r++) {
            double y = v[t0 + r];
            if (!Double.isFinite(y)) {
                continue;
            }
            int base = grouping != null && grouping.group(firstRowId + r) == grouping.testGroup() ? steps + 1 : 0;
            for (int j = 0; j < x.length; j++) {
                x[j] = v[b.columnOffset(featureColumns[j]) + r];
            }
            java.util.Arrays.fill(margins, baseMargin);
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                double loss;
                if (kind == SOFTMAX) {
                    for (int k = 0; k < perStep; k++) {
                        Tree t = trees[s * perStep + k];
                        margins[k] += t.value[t.leaf(x)];
                    }
                    int c = (int) y;
                    double p = c >= 0 && c < perStep && c == y ? Predictors.normalise(margins)[c] : 0;
                    loss = -Math.log(Math.max(p, GbtHeldOutKernel.EPS));
                } else if (kind == SQUARED || kind == LOGISTIC) {
                    Tree t = trees[s];
                    margins[0] += t.value[t.leaf(x)];
                    loss = kind == SQUARED ? (y - margins[0]) * (y - margins[0]) : logLoss(y, 1 / (1 + Math.exp(
                            -margins[0])));
                } else {
                    Tree t = trees[s];
                    sum += t.value[t.leaf(x)];
                    double p = sum / (s + 1);
                    loss = kind == FOREST_SQUARED ? (y - p) * (y - p) : logLoss(y, p);
                }
                partial[base + s] += loss;
            }
            partial[base + steps]++;
        }
    }

    private static double logLoss(double y, double p) {
        double q = Math.min(Math.max(p, GbtHeldOutKernel.EPS), 1 - GbtHeldOutKernel.EPS);
        return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    }

    /**
     * The per-step metric of one group from the pass's sums: rmse for squared error, mean log loss otherwise.
     *
     * @param m     the model
     * @param sums  the pass's sums
     * @param group 0 for the training share (or every row), 1 for the held-out share
     * @return the metric after every step, or null when the group has no rows
     */
    public static double[] curve(ModelDocument m, double[] sums, int group) {
        int steps = sums.length / 2 - 1;
        int base = group * (steps + 1);
        double rows = sums[base + steps];
        if (rows == 0) {
            return null;
        }
        boolean rmse = !Predictors.predictsLabels(m);
        double[] out = new double[steps];
        for (int s = 0; s < steps; s++) {
            double mean = sums[base + s] / rows;
            out[s] = rmse ? Math.sqrt(mean) : mean;
        }
        return out;
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.TREE_LOSS_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeDouble(testFraction);
        out.writeLong(seed);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        testFraction = in.readDouble();
        seed = in.readLong();
        trees = null;
    }
}
