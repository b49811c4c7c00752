package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Merges R factors in a fixed binary tree over their keys in ascending order (in the QR pass: the R of each
 * partition's blocks, by partition id, see {@link RFactorGroups}): level by level, neighbours (0,1), (2,3), …
 * merge, an odd one out moves up unchanged. The tree depends only on the number of leaves, so the final R is the
 * same bits whichever members computed the leaves (TSQR, Demmel et al. 2012).
 */
final class RFactors {
    private RFactors() {
    }

    static double[] mergeInOrder(SortedMap<Integer, double[]> byKey, int q) {
        if (byKey.isEmpty()) {
            throw new BadInputException("no training rows to factor");
        }
        List<double[]> level = new ArrayList<>(byKey.values());
        while (level.size() > 1) {
            List<double[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                next.add(BlockQr.merge(level.get(i), level.get(i + 1), q));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /**
     * {@link #scaledCondition} of the centred design: for an intercept-first R = [[r00, r0'], [0, R1]] of
     * [1, X], R1 is the R factor of X with its column means removed (X − 1 x̄' = Q_1 R1, since the first column
     * of Q is 1/√n), so this is the condition of the slopes' problem, without the part that mere column means
     * add to the uncentred estimate.
     */
    static double centredCondition(double[] r, int q, int k) {
        if (k < 2) {
            return 1.0;
        }
        int q1 = q - 1;
        double[] r1 = new double[q1 * q1];
        for (int i = 0; i < q1; i++) {
            System.arraycopy(r, (i + 1) * q + 1, r1, i * q1, q1);
        }
        return scaledCondition(r1, q1, k - 1);
    }

    /**
     * An estimate of the condition number of the column-equilibrated design, {@code κ = ‖R_s‖_F ‖R_s⁻¹‖_F},
     * where R_s is the leading k×k block of R (the parameters, not y) with every column scaled to unit norm.
     * Householder QR is column-scaling invariant in its backward error, so the forward error of plain TSQR is
     * about κ·u (u = 1.1e-16); the Frobenius product bounds the 2-norm condition number within a factor k.
     */
    static double scaledCondition(double[] r, int q, int k) {
        double[] s = new double[k * k];
        for (int j = 0; j < k; j++) {
            double norm = 0;
            for (int i = 0; i <= j; i++) {
                norm = Math.hypot(norm, r[i * q + j]);
            }
            if (norm == 0) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i <= j; i++) {
                s[i * k + j] = r[i * q + j] / norm;
            }
        }
        double normR = 0;
        for (double v : s) {
            normR = Math.hypot(normR, v);
        }
        // back-substitution for the columns of the inverse of the upper-triangular s
        double normInv = 0;
        double[] col = new double[k];
        for (int c = 0; c < k; c++) {
            java.util.Arrays.fill(col, 0);
            for (int i = c; i >= 0; i--) {
                double acc = i == c ? 1 : 0;
                for (int t = i + 1; t <= c; t++) {
                    acc -= s[i * k + t] * col[t];
                }
                if (s[i * k + i] == 0) {
                    return Double.POSITIVE_INFINITY;
                }
                col[i] = acc / s[i * k + i];
                normInv = Math.hypot(normInv, col[i]);
            }
        }
        return normR * normInv;
    }
}
