package io.gridlearn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact fits, no-intercept statistics and ANOVA numbers against NIST's certified values. */
class ExactFitAndReportTest {
    private static final JsonNode SETS = SolverTestData.json("nist/certified.json").get("datasets");

    private static LeastSquaresSolution refinedQr(String name) {
        NistStrdTest.Design d = NistStrdTest.design(name, SETS.get(name).get("model"));
        int q = d.names().size() + (d.intercept() ? 2 : 1);
        List<double[]> blocks = SolverTestData.blocks(d.x(), d.y(), d.intercept(), 8);
        double[] r = SolverTestData.tsqrTree(blocks, q);
        return QrLeastSquares.refine(r, QrLeastSquares.solve(r, d.y().length, d.names(), d.intercept()), blocks);
    }

    @Test
    void exactFitsGiveZeroStandardErrorsWithoutNaN() {
        for (String name : List.of("Wampler1", "Wampler2")) {
            OlsReport rep = refinedQr(name).report();
            // NIST: residual SD and every parameter SD are certified 0, the ANOVA F is Infinity
            assertTrue(rep.residualStdError() < 1e-12, name + " residual SD " + rep.residualStdError());
            assertFalse(Double.isNaN(rep.interceptStdError()));
            for (double se : rep.stdErrors()) {
                assertFalse(Double.isNaN(se));
                assertTrue(se < 1e-12, name + " SE " + se);
            }
            for (double p : rep.pValues()) {
                assertFalse(Double.isNaN(p));
            }
            System.out.printf("%s refined: residual SD %.3g, max SE %.3g, F %.3g, p(F) %.3g%n", name,
                    rep.residualStdError(), java.util.Arrays.stream(rep.stdErrors()).max().orElse(0), rep.fStatistic(),
                    rep.fPValue());
            assertTrue(rep.fStatistic() > 1e20, name + " F " + rep.fStatistic());
            assertTrue(rep.fPValue() < 1e-200, name + " p(F) " + rep.fPValue());
        }
        // a literally exact fit (RSS exactly 0): y = 1 + 2x on small integers
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 + 2 * x[i];
        }
        double[] r = BlockQr.factor(SolverTestData.blocks(new double[][] {x}, y, true, 8).get(0), 8, 3);
        LeastSquaresSolution s = QrLeastSquares.solve(r, 8, List.of("x"), true);
        LeastSquaresSolution exact = QrLeastSquares.refine(r, s, SolverTestData.blocks(new double[][] {x}, y, true, 8));
        assertEquals(0.0, exact.rss(), 0.0, "residual moments of the refined fit are exactly zero");
        OlsReport rep = exact.report();
        assertEquals(0.0, rep.stdErrors()[0], 0.0);
        assertEquals(0.0, rep.interceptStdError(), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, rep.fStatistic());
        assertEquals(0.0, rep.pValues()[0], 0.0);
        assertEquals(1.0, rep.rSquared(), 0.0);
    }

    @Test
    void anovaMatchesNist() {
        for (String name : List.of("Norris", "Pontius", "NoInt1", "NoInt2", "Longley", "Wampler3")) {
            OlsReport rep = refinedQr(name).report();
            JsonNode anova = SETS.get(name).get("certified").get("anova");
            assertEquals(anova.get("residual").get("df").asLong(), rep.dfResid());
            double f = new BigDecimal(anova.get("regression").get("f_statistic").asText()).doubleValue();
            double rss = new BigDecimal(anova.get("residual").get("sum_of_squares").asText()).doubleValue();
            assertEquals(f, rep.fStatistic(), 1e-9 * f, name + " F");
            assertEquals(rss, rep.rss(), 1e-9 * rss, name + " RSS");
            double mss = new BigDecimal(anova.get("regression").get("sum_of_squares").asText()).doubleValue();
            assertEquals(mss, rep.tss() - rep.rss(), 1e-9 * mss, name + " regression SS (uncentred for NoInt)");
        }
    }

    @Test
    void tooFewRowsIsAUserError() {
        double[] r = BlockQr.factor(new double[] {1, 1, 1, 2, 3, 4}, 2, 3);
        String msg = assertThrows(BadInputException.class,
                () -> QrLeastSquares.solve(r, 2, List.of("x"), true)).getMessage();
        assertTrue(msg.contains("needs more than 2 rows"), msg);
    }
}
