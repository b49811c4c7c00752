package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The held-out score of a gbt fit after a tree ({@code --test-fraction}, {@code --early-stopping-rounds}): over the
 * rows of the test share ({@link RowGrouping}: a hash of the row id and the seed) of positive weight, the sums
 * {@code [Σw·loss, Σw, rows, rows with a non-finite label]}, with the margin m = m₀ + Σₜ fₜ(x) of the trees so far
 * (raw values routed by the thresholds, missing ones by each split's default direction: the predictor's
 * additions, in tree order). The loss is XGBoost's default evaluation metric's: (y − m)² for squared error
 * (reported as rmse = √(Σw(y − m)²/Σw)), and for logistic −y·log p − (1 − y)·log(1 − p) with p = σ(m) clipped to
 * [10⁻¹⁶, 1 − 10⁻¹⁶] (logloss, XGBoost's {@code eps}); for softmax (K classes, tree t adding to class t mod K's
 * margin) −log max(p_y, 10⁻¹⁶) with p = softmax(m) (XGBoost's mlogloss). The runner adds the blocks' partials exactly, so the score
 * is the same bits on any number of members.
 */
public final class GbtHeldOutKernel implements BlockKernel {
    static final int LOSS = 0;
    static final int WEIGHT = 1;
    static final int ROWS = 2;
    static final int BAD = 3;
    /** XGBoost's clip of p in its logloss metric. */
    static final double EPS = 1e-16;

    private int[] featureColumns;
    private int targetColumn;
    private int weightColumn;
    private int objective;
    private double baseMargin;
    private Tree[] trees;
    private double testFraction;
    private long seed;
    /** K for softmax, else 0. */
    private int classes;
    private transient RowGrouping grouping;

    /** For deserialization. */
    public GbtHeldOutKernel() {
    }

    /**
     * @param featureColumns the features' positions, in the model's order
     * @param targetColumn   the label's position
     * @param weightColumn   the weight column's position, or −1
     * @param objective      the loss
     * @param baseMargin     m₀
     * @param trees          the trees so far
     * @param testFraction   the held-out share, in (0, 1)
     * @param seed           the split's seed
     */
    GbtHeldOutKernel(int[] featureColumns, int targetColumn, int weightColumn, Objective objective, double baseMargin,
                     Tree[] trees, double testFraction, long seed) {
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.objective = objective.ordinal();
        this.baseMargin = baseMargin;
        this.trees = trees.clone();
        this.testFraction = testFraction;
        this.seed = seed;
    }

    /**
     * Scores a softmax model of K classes: tree t adds to class (t mod K)'s margin.
     *
     * @param k the number of classes, ≥ 2
     * @return this kernel
     */
    GbtHeldOutKernel softmax(int k) {
        this.classes = k;
        return this;
    }

    /**
     * The metric from the pass's sums.
     *
     * @param objective the loss
     * @param s         the sums
     * @return rmse (squared error) or mean log loss (logistic, softmax); NaN when no held-out row has a positive
     *         weight
     */
    static double metric(Objective objective, double[] s) {
        double mean = s[LOSS] / s[WEIGHT];
        return objective.classifies() ? mean : Math.sqrt(mean);
    }

    /**
     * @param objective the loss
     * @return {@code "rmse"}, {@code "logloss"} or {@code "mlogloss"}, XGBoost's names
     */
    static String metricName(Objective objective) {
        return switch (objective) {
            case LOGISTIC -> "logloss";
            case SOFTMAX -> "mlogloss";
            case SQUARED_ERROR -> "rmse";
        };
    }

    @Override
    public int width() {
        return 4;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        if (grouping == null) {
            grouping = new RowGrouping(testFraction, 0, seed);
        }
        int test = grouping.testGroup();
        boolean logistic = Objective.values()[objective] == Objective.LOGISTIC;
        double[] v = b.values();
        int n = b.rows();
        int t0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        double[] x = new double[featureColumns.length];
        double[] margins = classes > 0 ? new double[classes] : null;
        for (int r = 0; r < n; r++) {
            if (grouping.group(firstRowId + r) != test) {
                continue;
            }
            double w = w0 < 0 ? 1 : v[w0 + r];
            if (w == 0) {
                continue;
            }
            double y = v[t0 + r];
            if (!Double.isFinite(y)) {
                partial[BAD]++;
                continue;
            }
            for (int j = 0; j < x.length; j++) {
                x[j] = v[b.columnOffset(featureColumns[j]) + r];
            }
            double loss;
            if (margins != null) {
                java.util.Arrays.fill(margins, baseMargin);
                for (int t = 0; t < trees.length; t++) {
                    margins[t % classes] += trees[t].value[trees[t].leaf(x)];
                }
                int k = (int) y;
                double p = k >= 0 && k < classes && k == y ? io.gridlearn.model.Predictors.normalise(margins)[k] : 0;
                partial[LOSS] += -w * Math.log(Math.max(p, EPS));
                partial[WEIGHT] += w;
                partial[ROWS]++;
                continue;
            }
            double m = baseMargin;
            for (Tree t : trees) {
                m += t.value[t.leaf(x)];
            }
            if (logistic) {
                double p = Math.min(Math.max(1 / (1 + Math.exp(-m)), EPS), 1 - EPS);
                loss = -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
            } else {
                loss = (y - m) * (y - m);
            }
            partial[LOSS] += w * loss;
            partial[WEIGHT] += w;
            partial[ROWS]++;
        }
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.HELD_OUT_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeInt(objective);
        out.writeDouble(baseMargin);
        out.writeInt(trees.length);
        for (Tree t : trees) {
            t.write(out);
        }
        out.writeDouble(testFraction);
        out.writeLong(seed);
        out.writeInt(classes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        objective = in.readInt();
        baseMargin = in.readDouble();
        trees = new Tree[in.readInt()];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = Tree.read(in);
        }
        testFraction = in.readDouble();
        seed = in.readLong();
        classes = in.readInt();
        grouping = null;
    }
}
