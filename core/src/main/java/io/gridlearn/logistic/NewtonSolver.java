package io.gridlearn.logistic;

import io.gridlearn.pass.Weights;
import io.gridlearn.OptionException;
import io.gridlearn.GridlearnException;

/**
 * Newton's method (IRLS) with one pass per iteration, plus step halving.
 *
 * <p>Each iteration minimises the quadratic model {@code F + g'Δ + ½ Δ'AΔ} of the smooth part plus the L1
 * term. Without L1 that is the Newton system {@code A Δ = -g} (the L2 penalty is already in {@code A} and
 * {@code g}), solved by Cholesky. With L1 it is a lasso on the quadratic model, solved by cyclic coordinate
 * descent with soft thresholding as in glmnet (Friedman, Hastie and Tibshirani 2010, J. Stat. Softw. 33(1),
 * §3: the outer loop is IRLS, the inner loop coordinate descent on the penalised weighted least squares).
 * If the full step does not decrease F it is halved (up to {@link #MAX_HALVINGS} times; each trial is one
 * more pass). Converged when the optimality violation is at most {@code tol} or the relative change of F is
 * at most {@code tol²}.
 */
final class NewtonSolver {
    static final int MAX_HALVINGS = 40;

    private NewtonSolver() {
    }

    static SolverState solve(KernelObjective f, LogisticOptions o, SolverState start, SolverState.Listener listener) {
        boolean checkSeparation = !f.penalised();
        double[] theta = start.theta().clone();
        int iter = start.iteration();
        int growing = start.growing();
        Evaluation e = f.evaluate(theta, true);
        if (checkSeparation) {
            Separation.checkAllSure(e);
        }
        if (start.converged() || f.optimality(theta, e.gradient()) <= o.tol()) {
            return new SolverState(theta, iter, e.value(), start.change(), true, growing, null, null, e);
        }
        double lastChange = start.change();
        while (true) {
            if (iter >= o.maxIter()) {
                if (checkSeparation && e.sure() > 0) {
                    throw Separation.error("no convergence in " + iter + " iterations with " + Weights.count(e.sure())
                            + " rows fitted within 1e-10 of certainty");
                }
                // an unconverged fit is a result (scikit-learn and Spark return it too): converged = false, and
                // the caller warns; the last checkpoint can be resumed with a larger maxIter
                return new SolverState(theta, iter, e.value(), lastChange, false, growing, null, null, e);
            }
            double[] dir = direction(f, theta, e, checkSeparation);
            double t = 1.0;
            double[] trial = new double[theta.length];
            Evaluation next = null;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int i = 0; i < theta.length; i++) {
                    trial[i] = theta[i] + t * dir[i];
                }
                Evaluation cand = f.evaluate(trial, true);
                if (cand.value() <= e.value()) {
                    next = cand;
                    break;
                }
                t *= 0.5;
            }
            if (next == null) {
                if (f.optimality(theta, e.gradient()) <= Math.sqrt(o.tol())) {
                    // at the rounding floor of the objective: no step can decrease it further
                    return new SolverState(theta, iter, e.value(), 0.0, true, growing, null, null, e);
                }
                throw new GridlearnException("logistic fit: no decrease of the objective along the Newton"
                        + " direction after " + MAX_HALVINGS + " halvings (optimality violation "
                        + f.optimality(theta, e.gradient()) + ")");
            }
            double step = t * DenseMath.maxAbs(dir);
            double change = Math.abs(e.value() - next.value()) / Math.max(Math.abs(next.value()), Double.MIN_NORMAL);
            lastChange = change;
            theta = trial;
            e = next;
            iter++;
            if (checkSeparation) {
                Separation.checkAllSure(e);
                growing = e.sure() > 0 && step >= 1.0 ? growing + 1 : 0;
                if (growing >= Separation.GROWING_STEPS) {
                    throw Separation.error("coefficients keep growing with " + Weights.count(e.sure())
                            + " rows fitted within 1e-10 of certainty");
                }
            }
            boolean converged = f.optimality(theta, e.gradient()) <= o.tol() || change <= o.tol() * o.tol();
            SolverState s = new SolverState(theta.clone(), iter, e.value(), change, converged, growing, null, null, e);
            listener.onIteration(s);
            if (converged) {
                return s;
            }
        }
    }

    private static double[] direction(KernelObjective f, double[] theta, Evaluation e, boolean checkSeparation) {
        int d = f.d;
        double[] a = e.hessian();
        if (!f.hasL1()) {
            double[] minusG = new double[d];
            for (int i = 0; i < d; i++) {
                minusG[i] = -e.gradient()[i];
            }
            try {
                return DenseMath.solve(DenseMath.cholesky(a, d), d, minusG);
            } catch (DenseMath.NotPositiveDefinite ex) {
                if (checkSeparation && e.sure() > 0) {
                    throw Separation.error("singular Hessian with " + Weights.count(e.sure())
                            + " rows fitted within 1e-10 of certainty");
                }
                throw OptionException.worded("the Hessian of the log-likelihood is singular: features are collinear"
                        + " (or constant); drop the redundant features or add a penalty, e.g. {lambda} 1e-3");
            }
        }
        return coordinateDescent(f, theta, e.gradient(), a);
    }

    /**
     * Minimises {@code g'(β-θ) + ½(β-θ)'A(β-θ) + Σ w_i |β_i|} by cyclic coordinate descent; returns
     * {@code β - θ}. With {@code r = g + A(β-θ)} the model's gradient, coordinate i solves
     * {@code β_i = S(A_ii β_i - r_i, w_i) / A_ii} and {@code r} is updated by column i of A.
     */
    static double[] coordinateDescent(KernelObjective f, double[] theta, double[] g, double[] a) {
        int d = f.d;
        double[] beta = theta.clone();
        double[] r = g.clone();
        for (int sweep = 0; sweep < 100_000; sweep++) {
            double maxd = 0.0;
            double maxb = 0.0;
            for (int i = 0; i < d; i++) {
                double aii = a[i * d + i];
                if (!f.free(i) || aii <= 0.0) {
                    continue;
                }
                double z = aii * beta[i] - r[i];
                double w = f.l1(i);
                double nb = (z > w ? z - w : z < -w ? z + w : 0.0) / aii;
                double delta = nb - beta[i];
                if (delta != 0.0) {
                    for (int k = 0; k < d; k++) {
                        r[k] += a[k * d + i] * delta;
                    }
                    beta[i] = nb;
                    maxd = Math.max(maxd, Math.abs(delta) * Math.sqrt(aii));
                }
                maxb = Math.max(maxb, Math.abs(beta[i]) * Math.sqrt(aii));
            }
            if (maxd <= 1e-15 * Math.max(1.0, maxb)) {
                break;
            }
        }
        double[] dir = new double[d];
        for (int i = 0; i < d; i++) {
            dir[i] = beta[i] - theta[i];
        }
        return dir;
    }
}
