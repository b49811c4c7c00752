package io.gridlearn.tree;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.grid.SerializationIds;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.tree}: the two
 * binning passes, gbt's (scalar and softmax) and random-forest's histogram passes, the evaluation, held-out and
 * class-count kernels. Listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}; the factory id is allocated in
 * {@link SerializationIds}; class ids are unique within this hook.
 */
public final class TreeSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.TREE_FACTORY_ID;

    /** {@link BinSummaryAggregator}. */
    public static final int BIN_SUMMARY = 1;
    /** {@link RangeHistogramAggregator}. */
    public static final int RANGE_HISTOGRAM = 2;
    /** {@link HistogramAggregator}. */
    public static final int HISTOGRAM = 3;
    /** {@link GbtEvalKernel}. */
    public static final int EVAL_KERNEL = 4;
    /** {@link ForestHistogramAggregator}. */
    public static final int FOREST_HISTOGRAM = 5;
    /** {@link GbtHeldOutKernel}. */
    public static final int HELD_OUT_KERNEL = 6;
    /** {@link SoftmaxHistogramAggregator}. */
    public static final int SOFTMAX_HISTOGRAM = 7;
    /** {@link ClassCountKernel}. */
    public static final int CLASS_COUNT_KERNEL = 8;
    /** {@link TreeLossKernel}. */
    public static final int TREE_LOSS_KERNEL = 9;

    /**
     * One instance of every type this hook creates, over the given feature and label columns: for serialization
     * tests outside this package.
     *
     * @param features positions of at least one feature column in the test's blocks
     * @param target   position of the label column
     * @return a {@link BinSummaryAggregator}, a {@link RangeHistogramAggregator}, a {@link HistogramAggregator}
     *         (one finished tree of one split, a growing root), a {@link GbtEvalKernel} and a
     *         {@link ForestHistogramAggregator} (that tree and a growing root, one slot each), a
     *         {@link GbtHeldOutKernel} (that tree), a {@link SoftmaxHistogramAggregator} (one round of two classes),
     *         a {@link ClassCountKernel}, a softmax {@link GbtHeldOutKernel} and a {@link TreeLossKernel}
     */
    public static List<IdentifiedDataSerializable> examples(int[] features, int target) {
        double[][] e = new double[features.length][];
        double[] lo = new double[features.length];
        double[] hi = new double[features.length];
        for (int j = 0; j < e.length; j++) {
            e[j] = new double[] {-1.0, 0.5 * j, 2.0 + j};
            lo[j] = -3;
            hi[j] = 3 + j;
        }
        Tree t = Tree.root(0.1, 10);
        int l = t.addNode(-0.25, 4, 1);
        int r = t.addNode(0.5, 6, 1);
        t.split(0, 0, 1, 0.0, true, 1.5, l, r);
        Tree growing = Tree.root(0, 10);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features.length; j++) {
            names.add("x" + j);
        }
        String model = io.gridlearn.model.ModelJson.write(GbtModel.document(Objective.SQUARED_ERROR, "y", names,
                List.of(t), new java.util.LinkedHashMap<>()));
        return List.of(new BinSummaryAggregator(features, target, 64).excluding(0.25, 7L, 64),
                new RangeHistogramAggregator(features, lo, hi, 32).excluding(0.25, 7L, 64),
                new HistogramAggregator(features, target, Objective.LOGISTIC, 0.0, new BinEdges(e), new Tree[] {t},
                        growing, new int[] {0}, 0x1p40, 0x1p42).sampling(64, 7L, 1, 0.8).excluding(0.25),
                new GbtEvalKernel(model, features, target),
                new ForestHistogramAggregator(features, target, 64, 7L, 0.5, 0x1p40, new BinEdges(e), new int[] {0, 3},
                        new Tree[] {t, growing}, new int[][] {{-1, 0, -1}, {1}}),
                new GbtHeldOutKernel(features, target, -1, Objective.LOGISTIC, 0.0, new Tree[] {t}, 0.25, 7L),
                new SoftmaxHistogramAggregator(features, target, 2, 1, 0.5, new BinEdges(e), new Tree[] {t, t},
                        growing, new int[] {0}, 0x1p40, 0x1p41).sampling(64, 7L, 3, 0.8).weighted(target)
                        .excluding(0.25),
                new ClassCountKernel(target, -1, 3),
                new GbtHeldOutKernel(features, target, -1, Objective.SOFTMAX, 0.5, new Tree[] {t, t}, 0.25, 7L)
                        .softmax(2),
                new TreeLossKernel(model, features, target, 0.25, 7L));
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case BIN_SUMMARY -> new BinSummaryAggregator();
            case RANGE_HISTOGRAM -> new RangeHistogramAggregator();
            case HISTOGRAM -> new HistogramAggregator();
            case EVAL_KERNEL -> new GbtEvalKernel();
            case FOREST_HISTOGRAM -> new ForestHistogramAggregator();
            case HELD_OUT_KERNEL -> new GbtHeldOutKernel();
            case SOFTMAX_HISTOGRAM -> new SoftmaxHistogramAggregator();
            case CLASS_COUNT_KERNEL -> new ClassCountKernel();
            case TREE_LOSS_KERNEL -> new TreeLossKernel();
            default -> null;
        };
    }
}
