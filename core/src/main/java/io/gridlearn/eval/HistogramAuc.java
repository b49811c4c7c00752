package io.gridlearn.eval;

/**
 * The area under the ROC curve from two histograms of a score over the same ascending bins: the weight of the
 * negatives in bin k, W0ₖ, and of the positives, W1ₖ. It is the Mann–Whitney statistic with the pairs that
 * share a bin counted as ties,
 * <pre>
 *     AUC = Σₖ W1ₖ (Σ_{l&lt;k} W0ₗ + ½ W0ₖ) / (W1 · W0) = P(score₊ &gt; score₋) + ½ P(same bin),
 * </pre>
 * pairs weighted by the product of their rows' weights (Hanley and McNeil, "The meaning and use of the area
 * under a receiver operating characteristic (ROC) curve", Radiology 143:29–36, 1982). Histograms merged
 * exactly give the same AUC on any number of members.
 */
public final class HistogramAuc {
    private HistogramAuc() {
    }

    /**
     * The AUC of the histograms {@code s[at … at + bins)} (negatives) and {@code s[at + bins … at + 2·bins)}
     * (positives).
     *
     * @param s    the array holding both histograms
     * @param at   where the negatives' histogram starts
     * @param bins the number of bins of each
     * @return the AUC in [0, 1], or NaN when either class has no weight
     */
    public static double of(double[] s, int at, int bins) {
        double below = 0;
        double pairs = 0;
        double neg = 0;
        double pos = 0;
        for (int k = 0; k < bins; k++) {
            double w0 = s[at + k];
            double w1 = s[at + bins + k];
            pairs += w1 * (below + 0.5 * w0);
            below += w0;
            neg += w0;
            pos += w1;
        }
        return neg > 0 && pos > 0 ? pairs / (neg * pos) : Double.NaN;
    }
}
