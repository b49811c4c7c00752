package io.gridlearn.logistic;

import io.gridlearn.pass.Weights;
import io.gridlearn.GridlearnException;

import java.util.ArrayList;
import java.util.List;

/**
 * Limited-memory BFGS for the smooth (L2 or unpenalised) objective {@code F}, each function evaluation one
 * gradient-only pass ({@code hessian = false}).
 *
 * <p><b>Direction.</b> The two-loop recursion of Nocedal and Wright, Numerical Optimization (2nd ed., 2006),
 * Algorithm 7.4, over the last {@link #MEMORY} pairs {@code s_k = θ_{k+1} - θ_k}, {@code y_k = g_{k+1} - g_k},
 * gives {@code d = -H g} where {@code H} is the BFGS update of the initial matrix {@code H⁰} by those pairs.
 * Here {@code H⁰ = γ M} with {@code M = A₀⁻¹}, {@code A₀ = ∇²F(0)} the Hessian of the objective at θ = 0,
 * and {@code γ = s'y / y'My} from the latest pair (1 with no pair): that is their scaling (7.20) applied to
 * L-BFGS in the variables {@code u = L'θ}, {@code A₀ = LL'}, in which the logistic Hessian starts at the
 * identity. {@code A₀} is one pass (the Newton pass, at θ = 0, where every row has weight ¼, so it is ¼ of the
 * working-scale Gram matrix plus the penalty); a fresh fit gets its first gradient from the same pass. It makes
 * the iteration invariant to affine changes of the features (centring, scaling, correlated clusters), which is
 * what a plain {@code H⁰ = (s'y/y'y) I} lacks: on correlated or badly scaled features that takes hundreds of
 * iterations where this takes tens. It is used when the model has at most {@link #MAX_PRECONDITIONED}
 * parameters and {@code A₀} is numerically positive definite; otherwise {@code M = I}, the textbook (and
 * scipy's) choice. {@code A₀} is always taken at θ = 0, whatever the starting point, so a fit resumed from its
 * checkpoint (which holds θ and the pairs, not {@code A₀}) computes the same matrix and repeats the
 * uninterrupted run bit for bit.
 *
 * <p><b>Step.</b> {@code θ + t d} with {@code t} from the line search of Moré and Thuente (1994)
 * ({@link MoreThuente}), MINPACK-2's {@code dcsrch} as L-BFGS-B uses it, which returns a step satisfying the
 * strong Wolfe conditions (Nocedal and Wright (3.7))
 * <pre>
 *   F(θ + t d) ≤ F(θ) + c₁ t g'd,        |∇F(θ + t d)'d| ≤ c₂ |g'd|,        c₁ = 1e-4, c₂ = 0.9.
 * </pre>
 * Each trial step is one pass, which gives the value and the slope {@code ∇F'd} together; the first trial is
 * {@code t = 1} (with {@code M = I} and no pair yet, {@code t = 1/‖g‖₂}, as scipy's L-BFGS-B), which is
 * accepted in most iterations, so an iteration is about one pass. The curvature condition guarantees
 * {@code s'y ≥ (1 - c₂) t |g'd| > 0}, so every pair is a useful one and {@code H} stays positive definite
 * (Nocedal and Wright §6.1); a pair with {@code s'y ≤ ε y'y} (rounding) is skipped, as L-BFGS-B does. When the
 * search ends without such a step (rounding near the optimum, or {@link #MAX_EVALUATIONS} trials), the trial
 * with the lowest value is taken if it decreased F; if none did, the pairs are dropped and the search is
 * repeated along {@code -M g}, and if that fails too the fit ends as {@link NewtonSolver} does at the rounding
 * floor. Convergence is tested as in {@link NewtonSolver}: {@link KernelObjective#optimality} at most
 * {@code tol}, or a relative change of F at most {@code tol²}.
 */
final class LbfgsSolver {
    /** Pairs (s, y) kept: {@value} (L-BFGS-B's and Spark's default). */
    static final int MEMORY = 10;
    /** Trial steps per line search at most (L-BFGS-B's {@code maxls}). */
    static final int MAX_EVALUATIONS = 20;
    /** c₁ of the sufficient decrease condition (Nocedal and Wright's choice). */
    static final double C1 = 1e-4;
    /** c₂ of the curvature condition (theirs and L-BFGS-B's for quasi-Newton methods). */
    static final double C2 = 0.9;
    /** Relative width of the bracket at which the line search gives up (L-BFGS-B's). */
    static final double XTOL = 0.1;
    /** The largest step (L-BFGS-B's, unconstrained). */
    static final double STEP_MAX = 1e10;
    /** A pair enters the memory only when {@code s'y > ε y'y} (L-BFGS-B's test, ε the machine epsilon). */
    static final double CURVATURE_EPS = Math.ulp(1.0);
    /**
     * Models with more parameters use {@code M = I}: the Hessian pass costs {@code D²/2} multiply-adds per row
     * against the gradient pass's {@code D}, which stops paying for itself in fewer iterations somewhere in the
     * hundreds (at D = 51 it measured about two gradient passes).
     */
    static final int MAX_PRECONDITIONED = 512;

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
        boolean fresh = ss.isEmpty() && isZero(theta) && f.d <= MAX_PRECONDITIONED;
        Evaluation e = f.evaluate(theta, fresh); // a fresh fit starts at θ = 0, so this pass also gives A₀
        double[] a0 = e.hessian();
        e = withoutHessian(e);
        if (checkSeparation) {
            Separation.checkAllSure(e);
        }
        if (start.converged() || f.optimality(theta, e.gradient()) <= o.tol()) {
            return state(theta, iter, e, start.change(), true, growing, ss, ys);
        }
        if (a0 == null && f.d <= MAX_PRECONDITIONED) {
            a0 = f.evaluate(new double[f.d], true).hessian();
        }
        double[] chol = factor(a0, f.d);
        int d = theta.length;
        double lastChange = start.change();
        while (true) {
            if (iter >= o.maxIter()) {
                if (checkSeparation && e.sure() > 0) {
                    throw Separation.error("no convergence in " + iter + " iterations with " + Weights.count(e.sure())
                            + " rows fitted within 1e-10 of certainty");
                }
                // an unconverged fit is a result (scikit-learn and Spark return it too): converged = false, and
                // the caller warns; the last checkpoint can be resumed with a larger maxIter
                return state(theta, iter, e, lastChange, false, growing, ss, ys);
            }
            double[] g = e.gradient();
            Trial next = null;
            while (next == null) {
                double[] dir = twoLoop(g, ss, ys, chol);
                double gd = dot(g, dir);
                if (gd < 0.0) {
                    // without M and pairs, scipy's first step: unit length along -g; else the quasi-Newton step
                    double t0 = chol == null && ss.isEmpty() ? Math.min(1.0 / Math.sqrt(dot(dir, dir)), STEP_MAX) : 1.0;
                    next = lineSearch(f, theta, e, dir, gd, t0);
                }
                if (next == null) {
                    if (ss.isEmpty()) {
                        break;
                    }
                    // as L-BFGS-B does: forget the pairs and search again along -M g
                    ss.clear();
                    ys.clear();
                }
            }
            if (next == null) {
                if (f.optimality(theta, g) <= Math.sqrt(o.tol())) {
                    // at the rounding floor of the objective: no step can decrease it further
                    return state(theta, iter, e, 0.0, true, growing, ss, ys);
                }
                throw new GridlearnException("logistic fit (lbfgs): the line search found no decrease"
                        + " (largest gradient " + f.optimality(theta, g) + ")");
            }
            double[] trial = next.theta();
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = trial[i] - theta[i];
                y[i] = next.eval().gradient()[i] - g[i];
            }
            if (dot(s, y) > CURVATURE_EPS * dot(y, y)) {
                ss.add(s);
                ys.add(y);
                if (ss.size() > MEMORY) {
                    ss.remove(0);
                    ys.remove(0);
                }
            }
            double change = Math.abs(e.value() - next.eval().value())
                    / Math.max(Math.abs(next.eval().value()), Double.MIN_NORMAL);
            lastChange = change;
            double step = DenseMath.maxAbs(s);
            theta = trial;
            e = next.eval();
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
            SolverState st = state(theta.clone(), iter, e, change, converged, growing, ss, ys);
            listener.onIteration(st);
            if (converged) {
                return st;
            }
        }
    }

    /** A point the line search evaluated. */
    private record Trial(double step, double[] theta, Evaluation eval) {
    }

    /**
     * Searches {@code θ + t d} by {@link MoreThuente} from {@code t0}, one pass per trial step, at most
     * {@link #MAX_EVALUATIONS}. Returns the point satisfying the strong Wolfe conditions; when the search
     * gives up (rounding, or the limit) the trial with the lowest objective if that is below {@code F(θ)};
     * else null.
     */
    private static Trial lineSearch(KernelObjective f, double[] theta, Evaluation e, double[] dir, double gd,
                                    double t0) {
        int d = theta.length;
        MoreThuente search = new MoreThuente(e.value(), gd, t0, C1, C2, XTOL, 0.0, STEP_MAX);
        Trial best = null;
        for (int k = 0; k < MAX_EVALUATIONS; k++) {
            double t = search.step();
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = theta[i] + t * dir[i];
            }
            Evaluation c = f.evaluate(x, false);
            double slope = dot(c.gradient(), dir);
            if (!Double.isFinite(c.value()) || !Double.isFinite(slope)) {
                break;
            }
            Trial trial = new Trial(t, x, c);
            if (best == null || c.value() < best.eval().value()) {
                best = trial;
            }
            MoreThuente.Status status = search.next(c.value(), slope);
            if (status == MoreThuente.Status.CONVERGED) {
                return trial;
            }
            if (status == MoreThuente.Status.WARNING) {
                break;
            }
        }
        return best != null && best.eval().value() < e.value() ? best : null;
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

    /**
     * {@code -H g} by Nocedal and Wright's Algorithm 7.4 with {@code H⁰ = γ M}: {@code M v} is the solve
     * {@code L L' x = v} with the Cholesky factor of {@code A₀} ({@code M = I} when {@code chol} is null), and
     * {@code γ = s'y / y'My} of the newest pair, 1 with none.
     */
    static double[] twoLoop(double[] g, List<double[]> ss, List<double[]> ys, double[] chol) {
        int m = ss.size();
        double[] q = g.clone();
        double[] alpha = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double rho = 1.0 / dot(ys.get(i), ss.get(i));
            alpha[i] = rho * dot(ss.get(i), q);
            axpy(-alpha[i], ys.get(i), q);
        }
        q = applyM(chol, q);
        if (m > 0) {
            double[] y = ys.get(m - 1);
            double gamma = dot(ss.get(m - 1), y) / dot(y, applyM(chol, y));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
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

    private static double[] applyM(double[] chol, double[] v) {
        return chol == null ? v.clone() : DenseMath.solve(chol, v.length, v);
    }

    /** The Cholesky factor of {@code A₀}, or null (M = I) when there is none or it is not positive definite. */
    private static double[] factor(double[] a0, int d) {
        if (a0 == null) {
            return null;
        }
        try {
            return DenseMath.cholesky(a0, d);
        } catch (DenseMath.NotPositiveDefinite ex) {
            return null; // collinear or constant features without a penalty: the plain H⁰ still works
        }
    }

    private static boolean isZero(double[] v) {
        for (double x : v) {
            if (x != 0.0) {
                return false;
            }
        }
        return true;
    }

    private static Evaluation withoutHessian(Evaluation e) {
        return e.hessian() == null ? e
                : new Evaluation(e.value(), e.gradient(), null, e.rows(), e.sure(), e.logLik());
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
