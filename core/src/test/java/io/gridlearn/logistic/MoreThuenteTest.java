package io.gridlearn.logistic;

import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line search on the first two test functions of Moré and Thuente (1994), §5, from their four starting steps
 * 1e-3, 1e-1, 1e1, 1e3. Expected steps and evaluation counts: their Tables 1 and 2 (to two digits: 1.4, 1.4, 10,
 * 37 with 6, 3, 1, 4 evaluations; 1.6 with 12, 8, 8, 11), here to full precision from scipy 1.17.1's port of the
 * same MINPACK-2 routine, run on the same functions:
 * <pre>
 *   from scipy.optimize._dcsrch import DCSRCH
 *   DCSRCH(phi, dphi, ftol, gtol, xtol, 0.0, 1e10)(a0, phi0=phi(0.0), derphi0=dphi(0.0), maxiter=100)
 * </pre>
 * counting the calls of phi after the one at 0. Every accepted step must satisfy both strong Wolfe conditions.
 */
class MoreThuenteTest {
    private static int evaluations;

    /** Runs the search; returns the accepted step (evaluations in {@link #evaluations}). */
    private static double search(DoubleUnaryOperator phi, DoubleUnaryOperator dphi, double ftol, double gtol,
                                 double xtol, double step0) {
        MoreThuente s = new MoreThuente(phi.applyAsDouble(0), dphi.applyAsDouble(0), step0, ftol, gtol, xtol, 0.0,
                1e10);
        evaluations = 0;
        while (true) {
            double t = s.step();
            evaluations++;
            MoreThuente.Status status = s.next(phi.applyAsDouble(t), dphi.applyAsDouble(t));
            if (status != MoreThuente.Status.EVALUATE) {
                assertEquals(MoreThuente.Status.CONVERGED, status, "from " + step0);
                double f0 = phi.applyAsDouble(0);
                double g0 = dphi.applyAsDouble(0);
                assertTrue(phi.applyAsDouble(t) <= f0 + ftol * t * g0, "sufficient decrease at " + t);
                assertTrue(Math.abs(dphi.applyAsDouble(t)) <= gtol * Math.abs(g0), "curvature at " + t);
                return t;
            }
            assertTrue(evaluations < 100, "no end from " + step0);
        }
    }

    private static void expect(double step, int evals, double actual, String what) {
        assertEquals(evals, evaluations, what + ": evaluations");
        assertEquals(step, actual, 1e-9 * step, what + ": step");
    }

    /** φ(α) = -α/(α² + β), β = 2; ftol 1e-3, gtol 0.1. */
    @Test
    void functionOne() {
        DoubleUnaryOperator phi = a -> -a / (a * a + 2.0);
        DoubleUnaryOperator dphi = a -> (a * a - 2.0) / ((a * a + 2.0) * (a * a + 2.0));
        double[] starts = {1e-3, 1e-1, 1e1, 1e3};
        double[] steps = {1.365, 1.4413720790892741, 10.0, 36.887606963966618};
        int[] evals = {6, 3, 1, 4};
        for (int i = 0; i < starts.length; i++) {
            expect(steps[i], evals[i], search(phi, dphi, 1e-3, 0.1, 0.1, starts[i]), "function 1 from " + starts[i]);
        }
    }

    /** φ(α) = (α + β)⁵ - 2(α + β)⁴, β = 0.004; ftol 0.1, gtol 0.1 (xtol 1e-10, as the paper's run needs). */
    @Test
    void functionTwo() {
        DoubleUnaryOperator phi = a -> Math.pow(a + 0.004, 5) - 2 * Math.pow(a + 0.004, 4);
        DoubleUnaryOperator dphi = a -> 5 * Math.pow(a + 0.004, 4) - 8 * Math.pow(a + 0.004, 3);
        double[] starts = {1e-3, 1e-1, 1e1, 1e3};
        double[] steps = {1.596000000186075, 1.5960000000049348, 1.5959999997572032, 1.5959999988725311};
        int[] evals = {12, 8, 8, 11};
        for (int i = 0; i < starts.length; i++) {
            expect(steps[i], evals[i], search(phi, dphi, 0.1, 0.1, 1e-10, starts[i]), "function 2 from " + starts[i]);
        }
    }
}
