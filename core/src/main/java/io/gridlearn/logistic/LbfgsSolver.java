package io.gridlearn.logistic;

import io.gridlearn.GridlearnException;

import java.util.ArrayList;
import java.util.List;

/**
 * Limited-memory BFGS for the smooth (L2 or unpenalised) objective: the two-loop recursion of Nocedal and
 * Wright, Numerical Optimization (2nd ed.), Algorithm 7.4, with {@code H0 = (s'y / y'y) I} (their 7.20) and
 * a backtracking line search on the Armijo condition {@code F(θ + t d) <= F + 1e-4 t g'd} (Algorithm 3.1).
 * Each function evaluation is one gradient-only pass ({@code hessian = false}); a pair (s, y) enters the
 * memory only when {@code s'y > 0}, which keeps the implicit Hessian positive definite. Convergence as in
 * {@link NewtonSolver}.
 */
final class LbfgsSolver {
    static final int MEMORY = 10;
    static final int MAX_BACKTRACKS = 50;

    private LbfgsSolver() {
    }

    static SolverState solve(KernelObjective f, LogisticOptions o, SolverState start, SolverState.Listener listener) {
        boolean checkSeparation = !f.penalised();
        double[] theta = start.theta().clone();
        int iter = start.iteration();
        int growing = start.growing();
        List<double[]> ss = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        if (start.memoryS() != null) {
            for (int i = 0; i < start.memoryS().length; i++) {
                ss.add(start.memoryS()[i].clone());
                ys.add(start.memoryY()[i].clone());
            }
        }
        Evaluation e = f.evaluate(theta, false);
        if (checkSeparation) {
            Separation.checkAllSure(e);
        }
        if (start.converged() || f.optimality(theta, e.gradient()) <= o.tol()) {
            return state(theta, iter, e, start.change(), true, growing, ss, ys);
        }
        int d = theta.length;
        double lastChange = start.change();
        while (true) {
            if (iter >= o.maxIter()) {
                if (checkSeparation && e.sure() > 0) {
                    throw Separation.error("no convergence in " + iter + " iterations with " + e.sure()
                            + " rows fitted within 1e-10 of certainty");
                }
                // an unconverged fit is a result (scikit-learn and Spark return it too): converged = false, and
                // the caller warns; the last checkpoint can be resumed with a larger maxIter
                return state(theta, iter, e, lastChange, false, growing, ss, ys);
            }
            double[] g = e.gradient();
            double[] dir = twoLoop(g, ss, ys);
            double gd = dot(g, dir);
            if (!(gd < 0.0)) { // not a descent direction (cannot happen with s'y > 0, but rounding): restart
                ss.clear();
                ys.clear();
                dir = twoLoop(g, ss, ys);
                gd = dot(g, dir);
            }
            double t = 1.0;
            double[] trial = new double[d];
            Evaluation next = null;
            for (int b = 0; b <= MAX_BACKTRACKS; b++) {
                for (int i = 0; i < d; i++) {
                    trial[i] = theta[i] + t * dir[i];
                }
                Evaluation cand = f.evaluate(trial, false);
                if (cand.value() <= e.value() + 1e-4 * t * gd) {
                    next = cand;
                    break;
                }
                t *= 0.5;
            }
            if (next == null) {
                if (f.optimality(theta, g) <= Math.sqrt(o.tol())) {
                    return state(theta, iter, e, 0.0, true, growing, ss, ys);
                }
                throw new GridlearnException("logistic fit (lbfgs): the line search found no decrease"
                        + " (largest gradient " + f.optimality(theta, g) + ")");
            }
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = trial[i] - theta[i];
                y[i] = next.gradient()[i] - g[i];
            }
            if (dot(s, y) > 0.0) {
                ss.add(s);
                ys.add(y);
                if (ss.size() > MEMORY) {
                    ss.remove(0);
                    ys.remove(0);
                }
            }
            double change = Math.abs(e.value() - next.value()) / Math.max(Math.abs(next.value()), Double.MIN_NORMAL);
            lastChange = change;
            double step = DenseMath.maxAbs(s);
            theta = trial;
            e = next;
            iter++;
            if (checkSeparation) {
                Separation.checkAllSure(e);
                growing = e.sure() > 0 && step >= 1.0 ? growing + 1 : 0;
                if (growing >= Separation.GROWING_STEPS) {
                    throw Separation.error("coefficients keep growing with " + e.sure()
                            + " rows fitted within 1e-10 of certainty");
                }
            }
            boolean converged = f.optimality(theta, e.gradient()) <= o.tol() || change <= o.tol() * o.tol();
            SolverState st = state(theta.clone(), iter, e, change, converged, growing, ss, ys);
            listener.onIteration(st);
            if (converged) {
                return st;
            }
        }
    }

    private static SolverState state(double[] theta, int iter, Evaluation e, double change, boolean converged,
                                     int growing, List<double[]> ss, List<double[]> ys) {
        double[][] s = new double[ss.size()][];
        double[][] y = new double[ys.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = ss.get(i).clone();
            y[i] = ys.get(i).clone();
        }
        return new SolverState(theta, iter, e.value(), change, converged, growing, s, y, e);
    }

    /** {@code -H g} by Nocedal and Wright's Algorithm 7.4; with no memory a gradient step of length ≤ 1. */
    static double[] twoLoop(double[] g, List<double[]> ss, List<double[]> ys) {
        int m = ss.size();
        double[] q = g.clone();
        double[] alpha = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double rho = 1.0 / dot(ys.get(i), ss.get(i));
            alpha[i] = rho * dot(ss.get(i), q);
            axpy(-alpha[i], ys.get(i), q);
        }
        double gamma;
        if (m == 0) {
            gamma = 1.0 / Math.max(1.0, DenseMath.maxAbs(g));
        } else {
            gamma = dot(ss.get(m - 1), ys.get(m - 1)) / dot(ys.get(m - 1), ys.get(m - 1));
        }
        for (int i = 0; i < q.length; i++) {
            q[i] *= gamma;
        }
        for (int i = 0; i < m; i++) {
            double rho = 1.0 / dot(ys.get(i), ss.get(i));
            double beta = rho * dot(ys.get(i), q);
            axpy(alpha[i] - beta, ss.get(i), q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
