package io.gridlearn.pca;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.testutil.Iris;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gridlearn.testutil.Iris.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Iris has no PCA oracle entry, so the reference is computed here directly: plain two-pass covariance of
 * the whole array and a cyclic Jacobi eigen-solver (independent of EJML, which the trainer uses).
 */
class PcaTrainerTest {
    private static double[][] referenceMatrix(boolean standardize) {
        double[][] rows = Iris.rows();
        int n = rows.length;
        int p = 4;
        double[] mean = new double[p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] c = new double[p][p];
        for (double[] r : rows) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    c[j][k] += (r[j] - mean[j]) * (r[k] - mean[k]);
                }
            }
        }
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            sd[j] = standardize ? Math.sqrt(c[j][j] / n) : 1;
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                c[j][k] /= (n - 1) * sd[j] * sd[k];
            }
        }
        return c;
    }

    /** Cyclic Jacobi: returns eigenvalues on the diagonal of a and eigenvectors as columns of v. */
    private static double[][] jacobi(double[][] a) {
        int p = a.length;
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int i = 0; i < p; i++) {
                for (int j = i + 1; j < p; j++) {
                    if (a[i][j] == 0) {
                        continue;
                    }
                    double theta = (a[j][j] - a[i][i]) / (2 * a[i][j]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < p; k++) {
                        double aki = a[k][i];
                        double akj = a[k][j];
                        a[k][i] = c * aki - s * akj;
                        a[k][j] = s * aki + c * akj;
                    }
                    for (int k = 0; k < p; k++) {
                        double aik = a[i][k];
                        double ajk = a[j][k];
                        a[i][k] = c * aik - s * ajk;
                        a[j][k] = s * aik + c * ajk;
                    }
                    for (int k = 0; k < p; k++) {
                        double vki = v[k][i];
                        double vkj = v[k][j];
                        v[k][i] = c * vki - s * vkj;
                        v[k][j] = s * vki + c * vkj;
                    }
                }
            }
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matchesDirectReference(boolean standardize) {
        double[][] a = referenceMatrix(standardize);
        double[][] v = jacobi(a);
        int p = 4;
        Integer[] order = {0, 1, 2, 3};
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        ModelDocument m = PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES, new PcaOptions(4, standardize));
        double total = 0;
        for (int i = 0; i < p; i++) {
            total += a[i][i];
        }
        for (int r = 0; r < p; r++) {
            int i = order[r];
            assertRel(a[i][i], m.explainedVariance()[r], 1e-10, "eigenvalue " + r);
            assertRel(a[i][i] / total, m.explainedVarianceRatio()[r], 1e-10, "ratio " + r);
            int big = 0;
            for (int j = 0; j < p; j++) {
                big = Math.abs(v[j][i]) > Math.abs(v[big][i]) ? j : big;
            }
            double sign = Math.signum(v[big][i]);
            for (int j = 0; j < p; j++) {
                assertEquals(sign * v[j][i], m.components()[r][j], 1e-10, "loading " + r + "," + j);
            }
        }
        double sum = 0;
        for (double x : m.explainedVarianceRatio()) {
            sum += x;
        }
        assertEquals(1.0, sum, 1e-14);
    }

    @Test
    void totalVarianceIsTheSumOfOracleSampleVariances() {
        double[] varSample = Iris.vector(Iris.oracle("column_stats").get("var_sample"));
        ModelDocument m = PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES, new PcaOptions(2, false));
        double expected = varSample[0] + varSample[1] + varSample[2] + varSample[3];
        assertRel(expected, ((Number) m.summary().get("totalVariance")).doubleValue(), 1e-10, "total variance");
        assertEquals(2, m.components().length);
        ModelDocument z = PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES, new PcaOptions(4, true));
        // Standardised with the population std, the eigenvalues (divisor n − 1) sum to p·n/(n − 1).
        assertRel(4 * 150.0 / 149, ((Number) z.summary().get("totalVariance")).doubleValue(), 1e-12, "total z");
    }

    @Test
    void blockSizeDoesNotMatter() {
        for (boolean st : new boolean[] {false, true}) {
            ModelDocument a = PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES, new PcaOptions(4, st));
            ModelDocument b = PcaTrainer.fit(Iris.runner(7), Iris.FEATURES, Iris.NAMES, new PcaOptions(4, st));
            for (int r = 0; r < 4; r++) {
                assertRel(a.explainedVariance()[r], b.explainedVariance()[r], 1e-12, "eigenvalue " + r);
                for (int j = 0; j < 4; j++) {
                    assertEquals(a.components()[r][j], b.components()[r][j], 1e-12);
                }
            }
        }
    }

    @Test
    void rejectsBadOptions() {
        BadInputException zero = assertThrows(BadInputException.class, () -> new PcaOptions(0, false));
        assertEquals("components must be >= 1, was 0", zero.getMessage());
        BadInputException five = assertThrows(BadInputException.class,
                () -> PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES, new PcaOptions(5, false)));
        assertEquals("components = 5 exceeds the number of features, " + Iris.FEATURES.length, five.getMessage());
        // the largest valid count is accepted and gives one component per feature
        assertEquals(Iris.FEATURES.length, PcaTrainer.fit(Iris.runner(40), Iris.FEATURES, Iris.NAMES,
                new PcaOptions(Iris.FEATURES.length, false)).components().length);
    }
}
