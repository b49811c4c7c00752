package io.gridlearn.tree;

import io.gridlearn.OptionException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.Predictors;
import io.gridlearn.model.RowPredictor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model JSON of a gradient-boosted tree ensemble and its predictor.
 *
 * <p>Fields (extensions of {@code gridlearn-model/1}, after the common ones): {@code objective}
 * ({@code squared-error}, {@code logistic} or {@code softmax}), {@code baseScore} (XGBoost's {@code base_score},
 * 0.5), {@code importance} (per measure of {@link TreeImportance} — {@code frequency}, {@code gain}, {@code cover},
 * {@code totalGain}, {@code totalCover} — one number per feature, lined up with {@code features}) and
 * {@code trees}, one object per tree with parallel arrays over its nodes: {@code left}, {@code right} (−1 at a
 * leaf), {@code feature} (index into {@code features}, −1 at a leaf), {@code threshold} (x &lt; threshold goes
 * left), {@code splitBin}, {@code defaultLeft} (where a missing value goes), {@code value} (η·w*, added to the
 * margin at a leaf), {@code gain} and {@code cover} (loss reduction and Hessian sum). A logistic model has
 * {@code classes} [0, 1]; a softmax model {@code classes} [0, …, K−1] and K trees per boosting round, tree t
 * adding to class (t mod K)'s margin (XGBoost's order for {@code multi:softprob}).
 *
 * <p>Prediction: m = m₀ + Σ_t value[leaf_t(x)], added in tree order, m₀ the base margin of the base score;
 * squared error predicts m, logistic predicts the class 1 when m &gt; 0 and the probabilities (1 − σ(m), σ(m));
 * softmax sums each class's trees in tree order, m_k = m₀ + Σ_{t mod K = k} value[leaf_t(x)], and predicts the
 * class of the largest m_k (the lowest on a tie) and the probabilities softmax(m) (as the {@code softmax}
 * learner, {@link Predictors#argmax} and {@link Predictors#normalise}); it has no single link scale.
 * The trainer's passes add the same values in the same order, and the grid's scorers run this predictor, so a
 * row's prediction is the same bits wherever it is computed.
 */
public final class GbtModel {
    /** The algorithm name. */
    public static final String ALGORITHM = "gbt";

    private GbtModel() {
    }

    static ModelDocument document(Objective objective, String target, List<String> features, List<Tree> trees,
                                  Map<String, Object> summary) {
        return document(objective, objective == Objective.LOGISTIC ? 2 : 0, target, features, trees, summary);
    }

    static ModelDocument document(Objective objective, int classCount, String target, List<String> features,
                                  List<Tree> trees, Map<String, Object> summary) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("objective", objective.cliName());
        ext.put("baseScore", Objective.BASE_SCORE);
        ext.put(TreeImportance.FIELD, TreeImportance.of(trees, features.size()));
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Tree t : trees) {
            ts.add(t.toJson());
        }
        ext.put("trees", ts);
        List<Integer> classes = null;
        if (objective.classifies()) {
            classes = new ArrayList<>();
            for (int k = 0; k < classCount; k++) {
                classes.add(k);
            }
        }
        return new ModelDocument(ModelDocument.FORMAT, null, 0, ALGORITHM, target, features, null, null, null, null,
                null, null, classes, null, null, null, null, null, null, null, null, null, summary, null, null, null,
                null, ext);
    }

    /**
     * The model's objective.
     *
     * @param m a gbt model
     * @return its objective
     */
    static Objective objective(ModelDocument m) {
        return Objective.of(String.valueOf(m.extension("objective")), "objective");
    }

    /**
     * The model's trees.
     *
     * @param m        a gbt model
     * @param features its feature count
     * @return the trees, in order
     * @throws IllegalArgumentException naming what is wrong
     */
    static List<Tree> trees(ModelDocument m, int features) {
        Object o = m.extension("trees");
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException("a gbt model needs an array \"trees\"");
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
     * The base margin m₀ of a model.
     *
     * @param m a gbt model
     * @return the base margin of its base score
     */
    static double baseMargin(ModelDocument m) {
        double base = m.extension("baseScore") instanceof Number x ? x.doubleValue() : Objective.BASE_SCORE;
        return objective(m).baseMargin(base);
    }

    /**
     * The number of classes of a softmax model (the trees per round).
     *
     * @param m a gbt model
     * @return K, the size of its {@code classes}; 1 for the scalar objectives
     */
    static int treesPerRound(ModelDocument m) {
        return objective(m) == Objective.SOFTMAX && m.classes() != null ? m.classes().size() : 1;
    }

    /**
     * The margins of a softmax model: m_k = m₀ + Σ_{t mod K = k} f_t(x), each class's trees added in tree order.
     *
     * @param trees      the trees
     * @param k          the number of classes
     * @param baseMargin m₀
     * @param x          the row's features
     * @return the K margins
     */
    static double[] margins(Tree[] trees, int k, double baseMargin, double[] x) {
        double[] m = new double[k];
        java.util.Arrays.fill(m, baseMargin);
        for (int t = 0; t < trees.length; t++) {
            m[t % k] += trees[t].value[trees[t].leaf(x)];
        }
        return m;
    }

    /**
     * The margin m₀ + Σ_t f_t(x).
     *
     * @param trees      the trees
     * @param baseMargin m₀
     * @param x          the row's features
     * @return the margin
     */
    static double margin(Tree[] trees, double baseMargin, double[] x) {
        double m = baseMargin;
        for (Tree t : trees) {
            m += t.value[t.leaf(x)];
        }
        return m;
    }

    /**
     * The predictor of a model: a value (squared error) or a class with probabilities (logistic); on the link
     * scale, the margin.
     *
     * @param m    a gbt model
     * @param link true for the margin
     * @return the predictor
     */
    static RowPredictor predictor(ModelDocument m, boolean link) {
        Tree[] trees = trees(m, m.features().size()).toArray(new Tree[0]);
        double m0 = baseMargin(m);
        Objective obj = objective(m);
        if (obj == Objective.SOFTMAX) {
            if (link) {
                throw OptionException.worded("{type} link does not apply to a softmax gbt model: it has one margin per"
                        + " class, not one link scale; predict it with {type} response, the default");
            }
            int k = treesPerRound(m);
            return new RowPredictor() {
                @Override
                public double predict(double[] x) {
                    return Predictors.argmax(margins(trees, k, m0, x));
                }

                @Override
                public double[] probabilities(double[] x) {
                    return Predictors.normalise(margins(trees, k, m0, x));
                }
            };
        }
        if (link || obj == Objective.SQUARED_ERROR) {
            return x -> margin(trees, m0, x);
        }
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return margin(trees, m0, x) > 0 ? 1 : 0;
            }

            @Override
            public double[] probabilities(double[] x) {
                double p = Objective.sigmoid(margin(trees, m0, x));
                return new double[] {1 - p, p};
            }
        };
    }
}
