package io.gridlearn.glm;

import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.Weights;

/**
 * The checks of one row that {@link GlmPrepKernel} counts and {@link BadRowSampler} locates, in this order:
 * a non-finite target, a negative or non-finite weight, a non-finite offset, a response outside the family's
 * support, a non-finite feature (left out under {@code --missing skip}, refused otherwise).
 */
final class RowCheck {
    static final int OK = 0;
    static final int TARGET_NOT_FINITE = 1;
    static final int BAD_WEIGHT = 2;
    static final int OFFSET_NOT_FINITE = 3;
    static final int RESPONSE_OUTSIDE = 4;
    static final int FEATURE_NOT_FINITE = 5;

    private RowCheck() {
    }

    /** The first problem of row {@code r} and the offending column in {@code column[0]}, or {@link #OK}. */
    static int check(RowBlock b, int r, int[] features, int target, int weight, int offset, Distribution d,
                     int[] column) {
        double y = b.get(r, target);
        if (!Double.isFinite(y)) {
            column[0] = target;
            return TARGET_NOT_FINITE;
        }
        if (weight >= 0) {
            double w = b.get(r, weight);
            if (!Weights.valid(w)) {
                column[0] = weight;
                return BAD_WEIGHT;
            }
        }
        if (offset >= 0 && !Double.isFinite(b.get(r, offset))) {
            column[0] = offset;
            return OFFSET_NOT_FINITE;
        }
        if (!d.validResponse(y)) {
            column[0] = target;
            return RESPONSE_OUTSIDE;
        }
        for (int c : features) {
            if (!Double.isFinite(b.get(r, c))) {
                column[0] = c;
                return FEATURE_NOT_FINITE;
            }
        }
        return OK;
    }
}
