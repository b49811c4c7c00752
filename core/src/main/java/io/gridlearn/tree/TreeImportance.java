package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feature importance of a tree model ({@code gbt} or {@code random-forest}) from its trees, with the definitions of
 * XGBoost 1.7's {@code Booster.get_score}: per feature, over the splits on it,
 * <ul>
 *   <li>{@code frequency} (XGBoost's {@code weight}): the number of splits;</li>
 *   <li>{@code totalGain} and {@code gain}: the sum and the mean of the splits' gains (each node's {@code gain}, the
 *       loss reduction G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ), XGBoost's {@code loss_chg});</li>
 *   <li>{@code totalCover} and {@code cover}: the sum and the mean of the split nodes' {@code cover} (their Hessian
 *       sum; for a forest, the drawn rows' weight).</li>
 * </ul>
 * A feature with no split has 0 everywhere (XGBoost leaves it out). The model JSON of both learners carries these
 * as its {@code importance} field ({@link #FIELD}: one array per measure, lined up with {@code features}), computed
 * from its trees when the document is made, so {@link #of} on the parsed model gives the same numbers; the random
 * forest's own {@code summary.importance} (mean decrease in impurity, normalised as scikit-learn's) is a different,
 * normalised measure. For a softmax gbt model the sums run over every class's trees (as XGBoost's).
 */
public final class TreeImportance {
    /** The model JSON's field. */
    public static final String FIELD = "importance";

    private TreeImportance() {
    }

    /**
     * The importances of every feature, in the model's feature order.
     *
     * @param m a {@code gbt} or {@code random-forest} model
     * @return {@code frequency}, {@code gain}, {@code cover}, {@code totalGain} and {@code totalCover}, each one
     *         number per feature
     * @throws BadInputException if the model is not a tree model
     */
    public static Map<String, double[]> of(ModelDocument m) {
        int d = m.features().size();
        List<Tree> trees;
        if (GbtModel.ALGORITHM.equals(m.algorithm())) {
            trees = GbtModel.trees(m, d);
        } else if (ForestModel.ALGORITHM.equals(m.algorithm())) {
            trees = ForestModel.trees(m, d);
        } else {
            throw new BadInputException("feature importance (gain, cover, frequency) is for gbt and random-forest"
                    + " models, not " + m.algorithm());
        }
        return of(trees, d);
    }

    /**
     * The importances of every feature over some trees.
     *
     * @param trees the trees
     * @param d     the number of features
     * @return {@code frequency}, {@code gain}, {@code cover}, {@code totalGain} and {@code totalCover}, each one
     *         number per feature
     */
    static Map<String, double[]> of(List<Tree> trees, int d) {
        double[] freq = new double[d];
        double[] gain = new double[d];
        double[] cover = new double[d];
        for (Tree t : trees) {
            for (int i = 0; i < t.size; i++) {
                if (!t.isLeaf(i)) {
                    int j = t.feature[i];
                    freq[j]++;
                    gain[j] += t.gain[i];
                    cover[j] += t.cover[i];
                }
            }
        }
        double[] meanGain = new double[d];
        double[] meanCover = new double[d];
        for (int j = 0; j < d; j++) {
            if (freq[j] > 0) {
                meanGain[j] = gain[j] / freq[j];
                meanCover[j] = cover[j] / freq[j];
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("frequency", freq);
        out.put("gain", meanGain);
        out.put("cover", meanCover);
        out.put("totalGain", gain);
        out.put("totalCover", cover);
        return out;
    }
}
