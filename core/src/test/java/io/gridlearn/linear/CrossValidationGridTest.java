package io.gridlearn.linear;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-validation and the regularisation path come from the single pass's per-fold moments; this checks
 * them against a brute-force reference: each fold's model refitted from scratch on the other folds' rows
 * (exact cross products built here), scored on the fold's rows one by one.
 */
class CrossValidationGridTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void cvMetricsEqualExplicitRefitsAndTheTestSplitMatchesTheRowHash() {
        int blockSize = 37;
        RowGrouping g = new RowGrouping(0.25, 4, 99);
        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        TestData.load(new DatasetCatalog(grid[0]), "diabetes.csv", "diabetes", blockSize);
        LinearOptions o = new LinearOptions("linear", Double.NaN, Double.NaN, false, true, "cholesky", g, "error",
                1, 1e-12, 0, "exact");
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("diabetes", "target", null, o));

        SolverTestData.Table t = SolverTestData.csv("diabetes.csv");
        int p = t.names().size() - 1;
        int n = t.cols()[0].length;
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = t.cols()[j];
        }
        double[] y = t.cols()[p];
        double rss = 0;
        double tss = 0;
        long held = 0;
        long test = 0;
        for (int f = 0; f < 4; f++) {
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> foldRows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int group = g.group(r); // row id = block × blockSize + offset = file row
                if (group == g.testGroup()) {
                    test += f == 0 ? 1 : 0;
                } else if (group == f) {
                    foldRows.add(r);
                } else {
                    trainRows.add(r);
                }
            }
            LeastSquaresSolution s = NormalEquations.ols(SolverTestData.exactCrossProducts(
                    select(x, trainRows), select(y, trainRows), true), t.names().subList(0, p));
            double mean = 0;
            for (int r : foldRows) {
                mean += y[r] / foldRows.size();
            }
            for (int r : foldRows) {
                double yhat = s.interceptValue();
                for (int j = 0; j < p; j++) {
                    yhat += s.coefficients()[j] * x[j][r];
                }
                rss += (y[r] - yhat) * (y[r] - yhat);
                tss += (y[r] - mean) * (y[r] - mean);
            }
            held += foldRows.size();
        }
        Map<String, Double> cv = m.metrics().get("cv");
        assertEquals(held, cv.get("rows").longValue());
        assertTrue(relErr(cv.get("mse"), rss / held) < 1e-9, cv + " vs " + rss / held);
        assertTrue(relErr(cv.get("r2"), 1 - rss / tss) < 1e-9);
        assertEquals(test, m.metrics().get("test").get("rows").longValue());
        assertEquals(n - test, m.metrics().get("train").get("rows").longValue());
    }

    @Test
    void pathStartsAtAllZeroAndItsLastPointIsTheDirectFitAtThatLambda() {
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        TestData.load(new DatasetCatalog(grid[0]), "boston.csv", "boston", 50);
        LinearOptions o = new LinearOptions("lasso", 0.1, Double.NaN, true, true, "qr", new RowGrouping(0, 5, 1),
                "error", 1_000_000, 1e-13, 20, "exact");
        ModelDocument m = LinearTrainer.train(grid[0], new LinearJob("boston", "medv", null, o));
        List<Map<String, Object>> path = m.path();
        assertEquals(20, path.size());
        assertEquals(0, ((Number) path.get(0).get("nonZero")).intValue(), "λ_max zeroes every coefficient");
        double lambdaLast = ((Number) path.get(19).get("lambda")).doubleValue();
        assertTrue(relErr(lambdaLast, 1e-3 * ((Number) path.get(0).get("lambda")).doubleValue()) < 1e-12);
        // each point's cvMse against a brute-force reference: per fold, a lasso refitted from scratch on the other
        // folds' rows by a plain coordinate descent written here (training-fold means and population sds),
        // scored on the fold's rows one by one, pooled over the rows
        SolverTestData.Table t = SolverTestData.csv("boston.csv");
        int p = t.names().size() - 1;
        int n = t.rows();
        RowGrouping g = new RowGrouping(0, 5, 1);
        double worst = 0;
        for (Map<String, Object> point : path) {
            double lambda = ((Number) point.get("lambda")).doubleValue();
            double rss = 0;
            long held = 0;
            for (int f = 0; f < 5; f++) {
                List<Integer> trainRows = new ArrayList<>();
                List<Integer> foldRows = new ArrayList<>();
                for (int r = 0; r < n; r++) { // row id = block × 50 + offset = file row
                    (g.group(r) == f ? foldRows : trainRows).add(r);
                }
                double[] beta = standardizedLasso(t.cols(), p, trainRows, lambda);
                for (int r : foldRows) {
                    double yhat = beta[p];
                    for (int j = 0; j < p; j++) {
                        yhat += beta[j] * t.cols()[j][r];
                    }
                    rss += (t.cols()[p][r] - yhat) * (t.cols()[p][r] - yhat);
                }
                held += foldRows.size();
            }
            assertEquals(n, held);
            double cvMse = ((Number) point.get("cvMse")).doubleValue();
            double e = relErr(cvMse, rss / held);
            worst = Math.max(worst, e);
            assertTrue(e < 1e-10, "λ " + lambda + ": cvMse " + cvMse + " vs refits " + rss / held);
        }
        System.out.printf("lasso path cvMse vs per-fold refits: max rel. error %.2e%n", worst);
        LinearOptions direct = new LinearOptions("lasso", lambdaLast, Double.NaN, true, true, "qr", RowGrouping.NONE,
                "error", 1_000_000, 1e-13, 0, "exact");
        ModelDocument d = LinearTrainer.train(grid[0], new LinearJob("boston", "medv", null, direct));
        double[] warm = (double[]) path.get(19).get("coefficients");
        for (int j = 0; j < warm.length; j++) {
            assertEquals(d.coefficients()[j], warm[j], 1e-8 * Math.max(1, Math.abs(d.coefficients()[j])), "coef " + j);
        }
    }

    /**
     * Lasso with an intercept on standardised features (scikit-learn's objective, (1/2m)‖y − b0 − Zb‖² + λ‖b‖₁,
     * z = (x − mean)/population sd over the given rows) by cyclic coordinate descent on the Gram matrix, run
     * until no coefficient moves by more than 1e-15 of the largest. Returns the original-scale slopes, then the
     * intercept.
     */
    static double[] standardizedLasso(double[][] cols, int p, List<Integer> rows, double lambda) {
        int m = rows.size();
        double[] mean = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            for (int r : rows) {
                mean[j] += cols[j][r];
            }
            mean[j] /= m;
        }
        double[][] z = new double[p + 1][m];
        double[] sd = new double[p];
        for (int j = 0; j <= p; j++) {
            double ss = 0;
            for (int i = 0; i < m; i++) {
                z[j][i] = cols[j][rows.get(i)] - mean[j];
                ss += z[j][i] * z[j][i];
            }
            if (j < p) {
                sd[j] = Math.sqrt(ss / m);
                for (int i = 0; i < m; i++) {
                    z[j][i] /= sd[j];
                }
            }
        }
        double[][] gram = new double[p][p];
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += z[j][i] * z[k][i];
                }
                gram[j][k] = s / m;
            }
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += z[j][i] * z[p][i];
            }
            c[j] = s / m;
        }
        double[] b = new double[p];
        for (int sweep = 0; sweep < 1_000_000; sweep++) {
            double moved = 0;
            double largest = 0;
            for (int j = 0; j < p; j++) {
                double rho = c[j];
                for (int k = 0; k < p; k++) {
                    if (k != j) {
                        rho -= gram[j][k] * b[k];
                    }
                }
                double next = Math.signum(rho) * Math.max(Math.abs(rho) - lambda, 0) / gram[j][j];
                moved = Math.max(moved, Math.abs(next - b[j]));
                b[j] = next;
                largest = Math.max(largest, Math.abs(next));
            }
            if (moved <= 1e-15 * Math.max(largest, 1e-300)) {
                break;
            }
        }
        double[] out = new double[p + 1];
        out[p] = mean[p];
        for (int j = 0; j < p; j++) {
            out[j] = b[j] / sd[j];
            out[p] -= out[j] * mean[j];
        }
        return out;
    }

    private static double[][] select(double[][] x, List<Integer> rows) {
        double[][] out = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            out[j] = select(x[j], rows);
        }
        return out;
    }

    private static double[] select(double[] v, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[rows.get(i)];
        }
        return out;
    }
}
