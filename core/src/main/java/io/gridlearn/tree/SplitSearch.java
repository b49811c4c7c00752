package io.gridlearn.tree;

/**
 * The best split of one node from its histogram ({@link Histograms} layout), shared by {@code gbt} and
 * {@code random-forest}: every bin boundary of every candidate feature, scanning bins upwards, first with the
 * missing values sent right, then, when the node has missing values of that feature, sent left (XGBoost's two
 * enumeration directions; Chen &amp; Guestrin 2016, §3.4). The score of a split into L and R is
 * <pre>  gain = T(G_L, H_L) + T(G_R, H_R) − T(G, H),  T(G, H) = G²/(H + λ), 0 when H &lt; min_child_weight or H ≤ 0</pre>
 * (XGBoost's {@code CalcGain}); candidates with a child below {@code min_child_weight} are skipped. Ties go to the
 * lower feature, then missing-right, then the lower bin: a total order, so the choice depends on the integer sums
 * alone. With λ = 0 and h = a row's weight, g = weight · y, T is Σw·ȳ² and the gain is the reduction of the
 * weighted squared error (variance reduction), the forest's criterion.
 */
final class SplitSearch {
    private SplitSearch() {
    }

    /** The best split found: its score, feature, last bin going left, missing direction, and left sums. */
    static final class Split {
        double gain = Double.NEGATIVE_INFINITY;
        int feature = -1;
        int bin;
        boolean defaultLeft;
        long gl;
        long hl;
        long cl;
    }

    /**
     * T(G, H) = G²/(H + λ), 0 when H &lt; min_child_weight or H ≤ 0.
     *
     * @param g              the gradient sum
     * @param h              the Hessian sum
     * @param lambda         λ
     * @param minChildWeight the least H
     * @return the term
     */
    static double term(double g, double h, double lambda, double minChildWeight) {
        if (h < minChildWeight || h <= 0) {
            return 0;
        }
        return g * g / (h + lambda);
    }

    /**
     * Scans the candidates.
     *
     * @param hist           the node's histogram, from index 0
     * @param offset         per feature, its first bin
     * @param edges          the bin edges (for each feature's bin count)
     * @param features       the candidate features in ascending order, or null for all
     * @param g              the node's gradient sum, fixed point
     * @param h              the node's Hessian sum, fixed point
     * @param scaleG         g's scale
     * @param scaleH         h's scale
     * @param lambda         λ
     * @param minChildWeight the least Hessian sum of each child
     * @return the best candidate ({@code feature} −1 when there is none); the caller decides whether to split
     */
    static Split best(long[] hist, int[] offset, BinEdges edges, int[] features, long g, long h, double scaleG,
                      double scaleH, double lambda, double minChildWeight) {
        double parent = term(g / scaleG, h / scaleH, lambda, minChildWeight);
        double mcw = minChildWeight;
        Split best = new Split();
        int m = features == null ? offset.length : features.length;
        for (int q = 0; q < m; q++) {
            int j = features == null ? q : features[q];
            int k = edges.bins(j);
            if (k < 2) {
                continue;
            }
            int base = offset[j] * 3;
            int miss = base + k * 3;
            long mc = hist[miss + 2];
            for (int dir = 0; dir < (mc > 0 ? 2 : 1); dir++) {
                boolean missLeft = dir == 1;
                long gl = missLeft ? hist[miss] : 0;
                long hl = missLeft ? hist[miss + 1] : 0;
                long cl = missLeft ? mc : 0;
                for (int b = 0; b < k - 1; b++) {
                    int i = base + b * 3;
                    gl += hist[i];
                    hl += hist[i + 1];
                    cl += hist[i + 2];
                    double hld = hl / scaleH;
                    double hrd = (h - hl) / scaleH;
                    if (!(hld >= mcw) || !(hrd >= mcw)) {
                        continue;
                    }
                    double gain = term(gl / scaleG, hld, lambda, mcw) + term((g - gl) / scaleG, hrd, lambda, mcw)
                            - parent;
                    if (gain > best.gain) {
                        best.gain = gain;
                        best.feature = j;
                        best.bin = b;
                        best.defaultLeft = missLeft;
                        best.gl = gl;
                        best.hl = hl;
                        best.cl = cl;
                    }
                }
            }
        }
        return best;
    }
}
