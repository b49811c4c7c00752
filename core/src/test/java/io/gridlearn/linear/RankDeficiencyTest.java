package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Collinear and constant columns must be named in both routes; where a rank question has an answer (a constant
 * column without an intercept, a constant column under unstandardised ridge) it equals the fit of the
 * de-duplicated design.
 */
class RankDeficiencyTest {
    private static final SolverTestData.Table BOSTON = SolverTestData.csv("boston.csv");

    private record Problem(List<String> names, double[][] x, double[] y) {
    }

    /** Boston features plus extra columns appended after position {@code at}. */
    private static Problem withExtra(int at, List<String> extraNames, List<double[]> extra) {
        int p = BOSTON.names().size() - 1;
        List<String> names = new ArrayList<>(BOSTON.names().subList(0, p));
        List<double[]> cols = new ArrayList<>(Arrays.asList(BOSTON.cols()).subList(0, p));
        names.addAll(at, extraNames);
        cols.addAll(at, extra);
        return new Problem(names, cols.toArray(new double[0][]), BOSTON.cols()[p]);
    }

    private static String qrMessage(Problem pr, boolean intercept) {
        int q = pr.names().size() + (intercept ? 2 : 1);
        double[] r = SolverTestData.tsqrTree(SolverTestData.blocks(pr.x(), pr.y(), intercept, 64), q);
        return assertThrows(BadInputException.class,
                () -> QrLeastSquares.solve(r, pr.y().length, pr.names(), intercept)).getMessage();
    }

    private static String neMessage(Problem pr, boolean intercept) {
        CrossProducts cp = SolverTestData.exactCrossProducts(pr.x(), pr.y(), intercept);
        return assertThrows(BadInputException.class, () -> NormalEquations.ols(cp, pr.names())).getMessage();
    }

    private static double[] constant(double v) {
        double[] c = new double[BOSTON.rows()];
        Arrays.fill(c, v);
        return c;
    }

    @Test
    void duplicateColumnIsNamedInBothRoutes() {
        Problem pr = withExtra(6, List.of("rm_copy"), List.of(BOSTON.col("rm").clone()));
        for (String msg : List.of(qrMessage(pr, true), neMessage(pr, true), qrMessage(pr, false), neMessage(pr, false))) {
            assertEquals(1, count(msg, "\""), msg); // exactly one name
            assertTrue(msg.startsWith("column \"rm_copy\" is a linear combination of the columns before it"), msg);
            assertTrue(msg.endsWith("drop it or use ridge"), msg);
        }
    }

    @Test
    void constantColumnIsNamedWithIntercept() {
        Problem pr = withExtra(2, List.of("three"), List.of(constant(3.0)));
        for (String msg : List.of(qrMessage(pr, true), neMessage(pr, true))) {
            assertEquals("column \"three\" is a linear combination of the columns before it (or constant); "
                    + "drop it or use ridge", msg);
        }
        // without an intercept a constant column is an ordinary regressor: the fit is statsmodels' OLS with an
        // intercept on the design without it (the oracle), the intercept carried by "three" as 3·b
        int q = pr.names().size() + 1;
        double[] r = SolverTestData.tsqrTree(SolverTestData.blocks(pr.x(), pr.y(), false, 64), q);
        LeastSquaresSolution qr = QrLeastSquares.solve(r, pr.y().length, pr.names(), false);
        CrossProducts raw = SolverTestData.exactCrossProducts(pr.x(), pr.y(), false);
        LeastSquaresSolution ne = NormalEquations.ols(raw, pr.names());
        JsonNode ols = SolverTestData.json("oracles-public.json").get("datasets").get("boston").get("ols");
        double[] coef = SolverTestData.doubles(ols.get("coef"));
        double intercept = ols.get("intercept").asDouble();
        for (LeastSquaresSolution s : List.of(qr, ne)) {
            assertEquals(pr.names().size(), s.coefficients().length);
            for (int j = 0, k = 0; j < pr.names().size(); j++) {
                double expected = j == 2 ? intercept / 3.0 : coef[k++];
                double got = s.coefficients()[j];
                assertTrue(SolverTestData.relErr(got, expected) < 1e-10, pr.names().get(j) + ": " + got + " vs " + expected);
            }
        }
    }

    @Test
    void severalDependentColumnsAreAllNamed() {
        double[] crim = BOSTON.col("crim");
        double[] zn = BOSTON.col("zn");
        double[] combo = new double[crim.length];
        for (int i = 0; i < combo.length; i++) {
            combo[i] = crim[i] + 2.0 * zn[i];
        }
        Problem pr = withExtra(13, List.of("combo", "nox_again"), List.of(combo, BOSTON.col("nox").clone()));
        for (String msg : List.of(qrMessage(pr, true), neMessage(pr, true))) {
            assertTrue(msg.startsWith("columns \"combo\", \"nox_again\" are linear combinations"), msg);
            assertTrue(msg.endsWith("drop them or use ridge"), msg);
        }
    }

    @Test
    void standardizingAConstantColumnIsRejected() {
        Problem pr = withExtra(0, List.of("flat"), List.of(constant(-1.5)));
        CrossProducts cp = SolverTestData.exactCrossProducts(pr.x(), pr.y(), true);
        String m1 = assertThrows(BadInputException.class,
                () -> NormalEquations.ridge(cp, pr.names(), RidgeOptions.of(0.1, true))).getMessage();
        String m2 = assertThrows(BadInputException.class,
                () -> new ElasticNet(cp, pr.names(), ElasticNetOptions.of(0.5, true))).getMessage();
        for (String m : List.of(m1, m2)) {
            assertTrue(m.startsWith("column \"flat\" is constant"), m);
        }
        // ridge without standardize handles it: the constant column gets coefficient 0 and the rest is the ridge
        // fit of the design without that column
        RidgeFit f = NormalEquations.ridge(cp, pr.names(), RidgeOptions.of(0.1, false));
        assertEquals(0.0, f.coefficients()[0], 0.0);
        Problem plain = withExtra(0, List.of(), List.of());
        RidgeFit without = NormalEquations.ridge(SolverTestData.exactCrossProducts(plain.x(), plain.y(), true),
                plain.names(), RidgeOptions.of(0.1, false));
        assertEquals(without.intercept(), f.intercept(), 1e-12 * Math.abs(without.intercept()), "intercept");
        for (int j = 0; j < without.coefficients().length; j++) {
            double e = without.coefficients()[j];
            assertEquals(e, f.coefficients()[j + 1], 1e-12 * Math.abs(e), plain.names().get(j));
        }
    }

    private static int count(String s, String sub) {
        int c = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            c++;
        }
        return c / 2;
    }
}
