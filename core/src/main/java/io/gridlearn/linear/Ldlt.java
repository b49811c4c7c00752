package io.gridlearn.linear;

/**
 * {@code M = L D L'} of a symmetric matrix, without pivoting (so columns are eliminated in the user's
 * order and the first column that depends on earlier ones is the one reported), with a pivot test for
 * rank detection.
 *
 * <p>The matrix is first equilibrated, {@code M~ = E^-1 M E^-1} with {@code E = diag(sqrt(M_jj))}, so
 * {@code M~_jj = 1} and each pivot {@code d_j} of {@code M~} is {@code 1 - R_j^2}, where {@code R_j^2} is
 * the squared multiple correlation of column j with the columns before it (for a Gram matrix,
 * {@code d_j = sin^2} of the angle between column j and their span). A pivot {@code d_j <= tol} marks
 * column j as dependent; it is then left out of the elimination (its multipliers are set to 0), which does
 * not change the later pivots, so every dependent column is found in one pass.
 */
final class Ldlt {
    final int p;
    /** Unit lower triangle, row-major; the diagonal is implicit. */
    final double[] l;
    final double[] d;
    final double[] equil;
    /** Indices of dependent columns, in order (empty when full rank). */
    final int[] dependent;

    private Ldlt(int p, double[] l, double[] d, double[] equil, int[] dependent) {
        this.p = p;
        this.l = l;
        this.d = d;
        this.equil = equil;
        this.dependent = dependent;
    }

    /**
     * @param m   row-major symmetric p x p matrix (not modified)
     * @param tol pivot tolerance on the equilibrated matrix
     */
    static Ldlt factor(double[] m, int p, double tol) {
        double[] e = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = Math.sqrt(m[j * p + j]);
        }
        double[] l = new double[p * p];
        double[] d = new double[p];
        int[] dep = new int[p];
        int nDep = 0;
        for (int j = 0; j < p; j++) {
            if (!(e[j] > 0.0)) {
                dep[nDep++] = j;
                d[j] = 0.0;
                continue;
            }
            double djj = 1.0;
            for (int k = 0; k < j; k++) {
                djj -= l[j * p + k] * l[j * p + k] * d[k];
            }
            if (!(djj > tol)) {
                dep[nDep++] = j;
                d[j] = 0.0;
                continue;
            }
            d[j] = djj;
            l[j * p + j] = 1.0;
            for (int i = j + 1; i < p; i++) {
                if (!(e[i] > 0.0)) {
                    continue;
                }
                double s = m[i * p + j] / e[i] / e[j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k] * d[k];
                }
                l[i * p + j] = s / djj;
            }
        }
        return new Ldlt(p, l, d, e, java.util.Arrays.copyOf(dep, nDep));
    }

    /** Solves {@code M x = rhs} (full rank only). */
    double[] solve(double[] rhs) {
        double[] z = forward(rhs);
        for (int j = 0; j < p; j++) {
            z[j] /= d[j];
        }
        for (int j = p - 1; j >= 0; j--) {
            double s = z[j];
            for (int i = j + 1; i < p; i++) {
                s -= l[i * p + j] * z[i];
            }
            z[j] = s;
        }
        for (int j = 0; j < p; j++) {
            z[j] /= equil[j];
        }
        return z;
    }

    /** {@code u = L^-1 E^-1 rhs}, so that {@code rhs' M^-1 rhs = sum_j u_j^2 / d_j}. */
    double[] forward(double[] rhs) {
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            double s = rhs[j] / equil[j];
            for (int k = 0; k < j; k++) {
                s -= l[j * p + k] * z[k];
            }
            z[j] = s;
        }
        return z;
    }

    /** {@code v' M^-1 v = sum_j u_j^2 / d_j} with {@code u = L^-1 E^-1 v}: a sum of non-negative terms. */
    double quadraticForm(double[] v) {
        double[] u = forward(v);
        double s = 0.0;
        for (int j = 0; j < p; j++) {
            s += u[j] * u[j] / d[j];
        }
        return s;
    }

    /** {@code diag(M^-1)_j = sum_m ((L^-1)_{mj})^2 / d_m / E_jj^2}. */
    double[] inverseDiagonal() {
        double[] out = new double[p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            // column j of L^-1: solve L x = e_j
            java.util.Arrays.fill(col, 0.0);
            col[j] = 1.0;
            double s2 = 1.0 / d[j];
            for (int i = j + 1; i < p; i++) {
                double s = 0.0;
                for (int k = j; k < i; k++) {
                    s -= l[i * p + k] * col[k];
                }
                col[i] = s;
                s2 += s * s / d[i];
            }
            out[j] = s2 / (equil[j] * equil[j]);
        }
        return out;
    }
}
