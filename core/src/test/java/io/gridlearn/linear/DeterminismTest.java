package io.gridlearn.linear;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.gridlearn.linear.BlockQrTest.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Same input, same bits: every solver run twice on fresh copies of the input. */
class DeterminismTest {
    private static final SolverTestData.Table BOSTON = SolverTestData.csv("boston.csv");
    private static final List<String> FEATURES = BOSTON.names().subList(0, 13);

    private static double[] everything() {
        double[][] x = Arrays.copyOf(BOSTON.cols(), 13);
        double[] y = BOSTON.cols()[13];
        List<double[]> blocks = SolverTestData.blocks(x, y, true, 37);
        double[] r = SolverTestData.tsqrTree(blocks, 15);
        LeastSquaresSolution s = QrLeastSquares.solve(r, y.length, FEATURES, true);
        LeastSquaresSolution refined = QrLeastSquares.refine(r, s, blocks);
        OlsReport rep = refined.report();
        CrossProducts cp = SolverTestData.exactCrossProducts(x, y, true);
        OlsReport ne = NormalEquations.ols(cp, FEATURES).report();
        RidgeFit ridge = NormalEquations.ridge(cp, FEATURES, RidgeOptions.of(0.3, true));
        List<ElasticNetFit> path = new ElasticNet(cp, FEATURES, ElasticNetOptions.of(0.8, true)).path(10, 0.01);
        double[] out = new double[0];
        out = concat(out, r, refined.beta(), rep.pValues(), rep.stdErrors(),
                new double[] {rep.rss(), rep.fPValue(), rep.logLikelihood(), ne.fStatistic(), ridge.intercept()},
                ne.coefficients(), ridge.coefficients());
        for (ElasticNetFit f : path) {
            out = concat(out, f.coefficients(), new double[] {f.objective(), f.iterations()});
        }
        return out;
    }

    private static double[] concat(double[] first, double[]... rest) {
        int len = first.length;
        for (double[] a : rest) {
            len += a.length;
        }
        double[] out = Arrays.copyOf(first, len);
        int at = first.length;
        for (double[] a : rest) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    @Test
    void residualMomentsSurviveSerialisation() {
        double[][] x = Arrays.copyOf(BOSTON.cols(), 13);
        double[] y = BOSTON.cols()[13];
        List<double[]> blocks = SolverTestData.blocks(x, y, true, 50);
        double[] r = SolverTestData.tsqrFold(blocks, 15);
        LeastSquaresSolution s = QrLeastSquares.solve(r, y.length, FEATURES, true);
        ResidualSums sums = new ResidualSums();
        for (double[] b : blocks) {
            sums.add(ResidualMoments.fromDoubles(ResidualMoments.of(b, b.length / 15, 15, s.beta()).toDoubles()));
        }
        ResidualMoments total = sums.total();
        LeastSquaresSolution viaWire = QrLeastSquares.refine(r, s, total);
        LeastSquaresSolution direct = QrLeastSquares.refine(r, s, blocks);
        assertBitIdentical(direct.beta(), viaWire.beta());
        assertBitIdentical(direct.unscaledVariance(), viaWire.unscaledVariance());
        assertEquals(direct.rss(), viaWire.rss(), 0.0);
        assertEquals(y.length, total.rows());
    }

    @Test
    void repeatedRunsAreBitIdentical() {
        double[] a = everything();
        double[] b = everything();
        assertEquals(a.length, b.length);
        assertBitIdentical(a, b);
    }
}
