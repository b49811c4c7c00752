package io.gridlearn.logistic;

/**
 * The line search of Moré and Thuente (1994), "Line search algorithms with guaranteed sufficient decrease",
 * ACM Trans. Math. Software 20(3), 286–307: MINPACK-2's {@code dcsrch} and {@code dcstep}, the routines
 * L-BFGS-B (and so scipy's {@code minimize(method="L-BFGS-B")} and scikit-learn's {@code lbfgs}) calls, as a
 * reverse-communication state machine. For {@code φ(t) = F(θ + t d)} with {@code φ'(0) < 0} it looks for a
 * step satisfying the strong Wolfe conditions (Nocedal and Wright, Numerical Optimization, 2nd ed., 2006,
 * (3.7)):
 * <pre>
 *   φ(t)     ≤ φ(0) + c₁ t φ'(0)        (sufficient decrease)
 *   |φ'(t)|  ≤ c₂ |φ'(0)|               (curvature)
 * </pre>
 * with {@code 0 < c₁ < c₂ < 1}. It keeps an interval {@code [stx, sty]} known to contain such a step once
 * bracketed; until then it extrapolates (the next step lies in {@code [t + 1.1 (t - stx), t + 4 (t - stx)]}),
 * and afterwards it interpolates by safeguarded cubic and quadratic (secant) minimisers of the two end
 * points' values and slopes ({@code dcstep}'s four cases), bisecting instead when two steps have not brought
 * the interval below 0.66 of its width. While no step with {@code ψ(t) = φ(t) - φ(0) - c₁ t φ'(0) ≤ 0} and
 * {@code φ'(t) ≥ 0} has been seen, the steps are chosen on ψ instead of φ (the "first stage"), which is what
 * lets the search end at a point satisfying both conditions whenever {@code c₁ < c₂}. Nocedal and Wright's
 * Algorithms 3.5–3.6 (bracketing, then zoom) are the textbook form of the same search.
 *
 * <p>Usage: construct with {@code φ(0)}, {@code φ'(0)} and a first trial step, evaluate {@code φ} and
 * {@code φ'} at {@link #step()}, pass them to {@link #next}, and repeat while it answers
 * {@link Status#EVALUATE}. Pure arithmetic on the values passed in: the same values give the same steps.
 */
final class MoreThuente {
    /** What {@link #next} asks for. */
    enum Status {
        /** Evaluate φ and φ' at {@link #step()} and call {@link #next} again. */
        EVALUATE,
        /** The step passed in satisfies both Wolfe conditions. */
        CONVERGED,
        /**
         * No step satisfying both conditions can be found (rounding errors prevent progress, the interval is
         * below the relative width {@code xtol}, or the step is at a bound); the caller decides what to keep.
         */
        WARNING
    }

    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;
    private final double finit;
    private final double ginit;
    private final double gtest;

    private boolean brackt;
    private int stage;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;
    private double width;
    private double width1;
    private double stp;

    /**
     * Starts a search (dcsrch's {@code task = 'START'}).
     *
     * @param f0     φ(0)
     * @param g0     φ'(0), negative
     * @param step0  the first trial step, in {@code [stpmin, stpmax]}
     * @param ftol   c₁ of the sufficient decrease condition
     * @param gtol   c₂ of the curvature condition
     * @param xtol   relative width of the bracketing interval below which the search gives up
     * @param stpmin the smallest step allowed, ≥ 0
     * @param stpmax the largest step allowed
     */
    MoreThuente(double f0, double g0, double step0, double ftol, double gtol, double xtol, double stpmin,
                double stpmax) {
        if (!(g0 < 0.0)) {
            throw new IllegalArgumentException("not a descent direction: φ'(0) = " + g0);
        }
        if (!(step0 >= stpmin && step0 <= stpmax && stpmin >= 0.0)) {
            throw new IllegalArgumentException("step " + step0 + " outside [" + stpmin + ", " + stpmax + "]");
        }
        if (!(ftol >= 0.0 && gtol >= 0.0 && xtol >= 0.0)) {
            throw new IllegalArgumentException("tolerances must be >= 0");
        }
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
        this.finit = f0;
        this.ginit = g0;
        this.gtest = ftol * g0;
        this.brackt = false;
        this.stage = 1;
        this.width = stpmax - stpmin;
        this.width1 = width / 0.5;
        this.stx = 0.0;
        this.fx = f0;
        this.gx = g0;
        this.sty = 0.0;
        this.fy = f0;
        this.gy = g0;
        this.stmin = 0.0;
        this.stmax = step0 + XTRAPU * step0;
        this.stp = step0;
    }

    /**
     * The step to evaluate next (after {@link Status#EVALUATE}), or the step the last values were taken at.
     *
     * @return the trial step
     */
    double step() {
        return stp;
    }

    /**
     * The sufficient decrease condition at a step: {@code f ≤ φ(0) + c₁ t φ'(0)}.
     *
     * @param t the step
     * @param f φ(t)
     * @return whether it holds
     */
    boolean sufficientDecrease(double t, double f) {
        return f <= finit + t * gtest;
    }

    /**
     * Takes φ and φ' at {@link #step()} and decides (dcsrch after its first call).
     *
     * @param f φ at the current step
     * @param g φ' at the current step
     * @return {@link Status#EVALUATE} with a new {@link #step()}, or the end of the search
     */
    Status next(double f, double g) {
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0.0) {
            stage = 2;
        }
        Status end = null;
        if (brackt && (stp <= stmin || stp >= stmax)) {
            end = Status.WARNING; // rounding errors prevent progress
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            end = Status.WARNING; // xtol test satisfied
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            end = Status.WARNING; // stp = stpmax
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            end = Status.WARNING; // stp = stpmin
        }
        if (f <= ftest && Math.abs(g) <= gtol * -ginit) {
            end = Status.CONVERGED;
        }
        if (end != null) {
            return end;
        }
        if (stage == 1 && f <= fx && f > ftest) {
            // a lower value than at stx but not a sufficient decrease: step on the modified function ψ
            double fm = f - stp * gtest;
            double fxm = fx - stx * gtest;
            double fym = fy - sty * gtest;
            double gm = g - gtest;
            double gxm = gx - gtest;
            double gym = gy - gtest;
            double[] u = dcstep(stx, fxm, gxm, sty, fym, gym, stp, fm, gm, brackt, stmin, stmax);
            take(u);
            fx = u[1] + stx * gtest;
            gx = u[2] + gtest;
            fy = u[4] + sty * gtest;
            gy = u[5] + gtest;
        } else {
            double[] u = dcstep(stx, fx, gx, sty, fy, gy, stp, f, g, brackt, stmin, stmax);
            take(u);
            fx = u[1];
            gx = u[2];
            fy = u[4];
            gy = u[5];
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= 0.66 * width1) {
                stp = stx + 0.5 * (sty - stx); // bisection: the interval did not shrink enough
            }
            width1 = width;
            width = Math.abs(sty - stx);
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = Math.max(stp, stpmin);
        stp = Math.min(stp, stpmax);
        if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= xtol * stmax) {
            stp = stx; // no further progress possible: the best step so far
        }
        return Status.EVALUATE;
    }

    /** Takes dcstep's new end points, step and bracketing flag ({@code {stx, fx, dx, sty, fy, dy, stp, brackt}}). */
    private void take(double[] u) {
        stx = u[0];
        sty = u[3];
        stp = u[6];
        brackt = u[7] != 0.0;
    }

    /**
     * MINPACK-2's {@code dcstep}: a safeguarded trial step from the end points (stx with the least value, sty)
     * and the current step, by cubic or quadratic interpolation in four cases, and the updated interval.
     */
    static double[] dcstep(double stx, double fx, double dx, double sty, double fy, double dy, double stp,
                           double fp, double dp, boolean brackt, double stpmin, double stpmax) {
        double sgnd = Math.signum(dp) * Math.signum(dx);
        double stpf;
        if (fp > fx) {
            // case 1: a higher value, the minimum is bracketed; the cubic step if closer to stx than the
            // quadratic one, else their average
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
            if (Math.abs(stpc - stx) <= Math.abs(stpq - stx)) {
                stpf = stpc;
            } else {
                stpf = stpc + (stpq - stpc) / 2.0;
            }
            brackt = true;
        } else if (sgnd < 0.0) {
            // case 2: a lower value and slopes of opposite sign, bracketed; the cubic step if farther from
            // stp than the secant step, else the secant step
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            // case 3: a lower value, slopes of the same sign, and the slope's magnitude decreases; the cubic
            // step only if the cubic tends to infinity in the direction of the step or its minimum is beyond
            // stp, else the secant step
            double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0.0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0.0 && gamma != 0.0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stpmax;
            } else {
                stpc = stpmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                if (stp > stx) {
                    stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
                } else {
                    stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
                }
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.min(stpmax, stpf);
                stpf = Math.max(stpmin, stpf);
            }
        } else {
            // case 4: a lower value, slopes of the same sign, and the slope's magnitude does not decrease;
            // unbracketed the step goes to a bound, bracketed it is the cubic step on (stp, sty)
            if (brackt) {
                double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
                double s = Math.max(Math.abs(theta), Math.max(Math.abs(dy), Math.abs(dp)));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            } else if (stp > stx) {
                stpf = stpmax;
            } else {
                stpf = stpmin;
            }
        }
        // update the interval that contains a minimizer
        if (fp > fx) {
            sty = stp;
            fy = fp;
            dy = dp;
        } else {
            if (sgnd < 0.0) {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = stp;
            fx = fp;
            dx = dp;
        }
        return new double[] {stx, fx, dx, sty, fy, dy, stpf, brackt ? 1.0 : 0.0};
    }
}
