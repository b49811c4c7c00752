package io.gridlearn.logistic;

import io.gridlearn.pass.Weights;
import io.gridlearn.OptionException;
import io.gridlearn.BadInputException;

/**
 * Detection of (quasi-)complete separation in unpenalised fits, where the maximum-likelihood estimate does
 * not exist and Newton's iterates run off to infinity (Albert and Anderson 1984). The signs used:
 * <ol>
 *   <li>every row is fitted within 1e-10 of certainty (complete separation: log-likelihood → 0);</li>
 *   <li>some rows are, and the step moved a working coefficient by at least 1 in each of
 *       {@link #GROWING_STEPS} consecutive iterations (a converging Newton iteration has shrinking steps;
 *       along a separating direction the margins grow by a constant amount per step);</li>
 *   <li>some rows are, and the Hessian is singular (Cholesky fails) or, at the end, the information matrix
 *       has a variance inflation {@code A_jj (A^{-1})_jj} above {@link #MAX_INFLATION}: under quasi-complete
 *       separation the overlapping rows lie on a hyperplane, so only the vanishing weights of the "sure"
 *       rows keep the Hessian invertible;</li>
 *   <li>some rows are, and the iteration limit is reached.</li>
 * </ol>
 * These are heuristics (an exact test is a linear programme); a penalty always removes the problem.
 */
final class Separation {
    static final int GROWING_STEPS = 20;
    static final double MAX_INFLATION = 1e8;

    private Separation() {
    }

    static BadInputException error(String detail) {
        return OptionException.worded("the classes are linearly separable (perfectly or quasi-completely): the"
                + " maximum-likelihood estimate does not exist; add a penalty, e.g. {lambda} 1e-3 (" + detail + ")");
    }

    static void checkAllSure(Evaluation e) {
        if (e.sure() == e.rows()) {
            throw error("all " + Weights.count(e.rows()) + " rows are fitted with probability within 1e-10 of certainty");
        }
    }

    /** Check 3 at the final point. */
    static void checkInflation(Evaluation e, double[] inverse, int d) {
        if (e.sure() == 0) {
            return;
        }
        for (int i = 0; i < d; i++) {
            double v = e.hessian()[i * d + i] * inverse[i * d + i];
            if (v > MAX_INFLATION) {
                throw error(Weights.count(e.sure()) + " rows fitted within 1e-10 of certainty and a near-singular information"
                        + " matrix (variance inflation " + String.format("%.3g", v) + ")");
            }
        }
    }
}
