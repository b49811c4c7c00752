package io.gridlearn.linear;

import io.gridlearn.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.gridlearn.linear.SolverTestData.relErr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coordinate descent: agreement with the closed form, optimality checked independently, path behaviour. */
class ElasticNetTest {
    private static final SolverTestData.Table DIABETES = SolverTestData.csv("diabetes.csv");
    private static final List<String> FEATURES = DIABETES.names().subList(0, 10);
    private static final CrossProducts CP = SolverTestData.exactCrossProducts(Arrays.copyOf(DIABETES.cols(), 10),
            DIABETES.cols()[10], true);

    /** {@code nLambda} is scikit-learn's Ridge alpha; lambda = nLambda / n. */
    @ParameterizedTest
    @CsvSource({"221.0, false", "221.0, true", "1.0, false", "8840.0, true"})
    void alphaZeroIsRidge(double nLambda, boolean standardize) {
        double lambda = nLambda / CP.n();
        ElasticNetFit cd = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(0.0, standardize)).fit(lambda);
        RidgeFit closed = NormalEquations.ridge(CP, FEATURES, RidgeOptions.of(lambda, standardize));
        assertTrue(cd.converged());
        double worst = relErr(cd.intercept(), closed.intercept());
        for (int j = 0; j < FEATURES.size(); j++) {
            worst = Math.max(worst, relErr(cd.coefficients()[j], closed.coefficients()[j]));
        }
        System.out.printf("ridge by CD vs closed form (lambda %g, standardize %b): max rel. diff %.1e after %d sweeps%n",
                lambda, standardize, worst, cd.iterations());
        assertTrue(worst < 1e-8, "max relative difference " + worst);
    }

    /** KKT conditions recomputed here from the cross products, independent of the solver's bookkeeping. */
    @ParameterizedTest
    @CsvSource({"1.0, 0.5, false", "0.5, 2.0, true", "0.2, 0.05, true", "1.0, 0.01, false"})
    void solutionSatisfiesOptimalityConditions(double alpha, double lambda, boolean standardize) {
        ElasticNetFit f = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(alpha, standardize)).fit(lambda);
        assertTrue(f.converged());
        int p = CP.p();
        double[] b = f.coefficients();
        double[] xx = CP.xx();
        double[] xy = CP.xy();
        double sy = Math.sqrt(CP.yy() / CP.n());
        for (int j = 0; j < p; j++) {
            double s = standardize ? Math.sqrt(xx[j * p + j] / CP.n()) : 1.0;
            double g = xy[j];
            for (int k = 0; k < p; k++) {
                g -= xx[j * p + k] * b[k];
            }
            // derivative of the loss w.r.t. the working coefficient b~_j = b_j s_j
            double grad = g / CP.n() / s;
            double bt = b[j] * s;
            double viol = bt != 0
                    ? Math.abs(grad - lambda * (1 - alpha) * bt - lambda * alpha * Math.signum(bt))
                    : Math.max(0, Math.abs(grad) - lambda * alpha);
            double scale = Math.sqrt(xx[j * p + j] / CP.n()) / s; // = 1 when standardized
            assertTrue(viol / scale <= 1e-9 * sy, "KKT violation " + viol + " at " + FEATURES.get(j));
        }
        double intercept = CP.yMean();
        for (int j = 0; j < p; j++) {
            intercept -= CP.xMean()[j] * b[j];
        }
        assertEquals(intercept, f.intercept(), 1e-12 * Math.abs(intercept));
    }

    @Test
    void lambdaMaxIsTheSmallestLambdaWithAllZeros() {
        for (boolean standardize : new boolean[] {false, true}) {
            ElasticNet en = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(0.7, standardize));
            double lmax = en.lambdaMax();
            ElasticNetFit at = en.fit(lmax);
            assertEquals(0, at.nonZero());
            assertEquals(CP.yMean(), at.intercept(), 0.0);
            ElasticNetFit below = en.fit(lmax * (1 - 1e-6));
            assertEquals(1, below.nonZero(), "just below lambdaMax exactly one coefficient enters");
            assertTrue(below.converged());
        }
        assertEquals(Double.POSITIVE_INFINITY,
                new ElasticNet(CP, FEATURES, ElasticNetOptions.of(0.0, false)).lambdaMax());
    }

    @Test
    void pathIsLogSpacedWarmStartedAndMatchesColdStarts() {
        ElasticNet en = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(1.0, true));
        List<ElasticNetFit> path = en.path(25, 1e-3);
        assertEquals(25, path.size());
        assertEquals(en.lambdaMax(), path.get(0).lambda(), 0.0);
        assertEquals(0, path.get(0).nonZero());
        assertEquals(1e-3 * en.lambdaMax(), path.get(24).lambda(), 1e-15 * en.lambdaMax());
        for (int i = 1; i < path.size(); i++) {
            double ratio = path.get(i).lambda() / path.get(i - 1).lambda();
            assertEquals(Math.pow(1e-3, 1.0 / 24), ratio, 1e-12, "log spacing");
        }
        assertTrue(path.get(24).nonZero() >= 9, "nearly all variables active at the end of the path");
        for (int i : new int[] {5, 12, 24}) {
            ElasticNetFit cold = en.fit(path.get(i).lambda());
            for (int j = 0; j < FEATURES.size(); j++) {
                double a = path.get(i).scaledCoefficients()[j];
                double c = cold.scaledCoefficients()[j];
                assertEquals(c, a, 1e-9 * (1 + Math.abs(c)), "warm vs cold at path point " + i);
            }
        }
        List<ElasticNetFit> ridgePath = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(0.0, true)).path(5, 0.01);
        assertFalse(Double.isInfinite(ridgePath.get(0).lambda()), "alpha = 0 path starts at a finite lambda");
    }

    @Test
    void iterationLimitIsReported() {
        ElasticNetFit f = new ElasticNet(CP, FEATURES, new ElasticNetOptions(0.0, false, 1e-12, 2)).fit(1e-4);
        assertFalse(f.converged());
        assertEquals(2, f.iterations());
    }

    @Test
    void optionsAreValidated() {
        assertTrue(assertThrows(BadInputException.class, () -> ElasticNetOptions.of(1.5, false))
                .getMessage().contains("[0, 1]"));
        assertThrows(BadInputException.class, () -> new ElasticNetOptions(0.5, false, 0.0, 10));
        assertThrows(BadInputException.class, () -> new ElasticNetOptions(0.5, false, 1e-9, 0));
        assertThrows(BadInputException.class, () -> RidgeOptions.of(-1.0, false));
        ElasticNet en = new ElasticNet(CP, FEATURES, ElasticNetOptions.of(0.5, false));
        assertThrows(BadInputException.class, () -> en.fit(Double.NaN));
        assertThrows(BadInputException.class, () -> en.path(10, 1.5));
    }
}
