package io.gridlearn.tree;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.RowPredictor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model JSON of a random forest and its predictor.
 *
 * <p>Fields (extensions of {@code gridlearn-model/1}, after the common ones): {@code objective}
 * ({@code squared-error} or {@code gini}), {@code importance} (as gbt's: {@link TreeImportance}'s measures, one
 * number per feature) and {@code trees}, one object per tree in {@link Tree}'s form (as
 * {@code gbt}'s): {@code left}, {@code right}, {@code feature}, {@code threshold}, {@code splitBin},
 * {@code defaultLeft}, {@code value} (the node's mean label over its drawn rows: for Gini the share of class 1),
 * {@code gain} (the split's reduction of the weighted squared error; half the weighted Gini decrease for Gini) and
 * {@code cover} (the node's bootstrap weight). A Gini model has {@code classes} [0, 1].
 *
 * <p>Prediction: p = (Σ_t value[leaf_t(x)]) / T, added in tree order and divided once; squared error predicts p,
 * Gini predicts the class 1 when p &gt; ½ (as the arg max of scikit-learn's averaged {@code predict_proba}) with
 * probabilities (1 − p, p). The grid's scorers run this predictor on the same JSON, so a row's prediction is the
 * same bits wherever it is computed.
 */
public final class ForestModel {
    /** The algorithm name. */
    public static final String ALGORITHM = "random-forest";

    private ForestModel() {
    }

    static ModelDocument document(ForestObjective objective, String target, List<String> features, List<Tree> trees,
                                  Map<String, Object> summary) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("objective", objective.cliName());
        ext.put(TreeImportance.FIELD, TreeImportance.of(trees, features.size()));
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Tree t : trees) {
            ts.add(t.toJson());
        }
        ext.put("trees", ts);
        List<Integer> classes = objective.classifier() ? List.of(0, 1) : null;
        return new ModelDocument(ModelDocument.FORMAT, null, 0, ALGORITHM, target, features, null, null, null, null,
                null, null, classes, null, null, null, null, null, null, null, null, null, summary, null, null, null,
                null, ext);
    }

    /**
     * The model's objective.
     *
     * @param m a random-forest model
     * @return its objective
     */
    static ForestObjective objective(ModelDocument m) {
        return ForestObjective.of(String.valueOf(m.extension("objective")), "objective");
    }

    /**
     * The model's trees.
     *
     * @param m        a random-forest model
     * @param features its feature count
     * @return the trees, in order
     * @throws IllegalArgumentException naming what is wrong
     */
    static List<Tree> trees(ModelDocument m, int features) {
        Object o = m.extension("trees");
        if (!(o instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("a random-forest model needs a non-empty array \"trees\"");
        }
        List<Tree> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(Tree.fromJson(list.get(i), features));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tree " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The forest's average (Σ_t value[leaf_t(x)]) / T, summed in tree order.
     *
     * @param trees the trees
     * @param x     the row's features
     * @return the average
     */
    static double average(Tree[] trees, double[] x) {
        double s = 0;
        for (Tree t : trees) {
            s += t.value[t.leaf(x)];
        }
        return s / trees.length;
    }

    /**
     * The predictor of a model: the average (squared error), or the class and its probabilities (Gini).
     *
     * @param m a random-forest model
     * @return the predictor
     */
    static RowPredictor predictor(ModelDocument m) {
        Tree[] trees = trees(m, m.features().size()).toArray(new Tree[0]);
        if (!objective(m).classifier()) {
            return x -> average(trees, x);
        }
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return average(trees, x) > 0.5 ? 1 : 0;
            }

            @Override
            public double[] probabilities(double[] x) {
                double p = average(trees, x);
                return new double[] {1 - p, p};
            }
        };
    }
}
