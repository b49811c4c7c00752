package io.gridlearn.logistic;

import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.PassRunner;

/**
 * The objective in working units, evaluated by one kernel pass per call:
 * <pre>
 *   F(θ) = -(1/n) log L(θ) + (λ(1-α)/2) Σ_pen θ² + λα Σ_pen |θ| [+ ½ Σ_a (Σ_k θ_{k,a})²  (softmax)]
 * </pre>
 * With frequency weights n = Σw and log L = Σ wᵢ log Lᵢ.
 * "pen" are the non-intercept parameters. The last term is for the symmetric softmax parameterisation:
 * the likelihood does not change when the same vector is added to every class row, so the term selects the
 * representative with rows summing to zero (the scikit-learn/oracle convention: centred intercepts) without
 * moving the minimum of the rest (with an L2 penalty that representative is already the optimum, so the
 * term and its gradient vanish there), and it makes the Hessian non-singular. Parameters that are fixed
 * (the intercept when there is none) get a zero gradient and a unit diagonal, so Newton never moves them.
 */
final class KernelObjective {
    private final PassRunner runner;
    private final int[] cols;
    private final int target;
    private final int classes; // 0 for binary
    private final Preparation prep;
    private final double l2;
    private final double l1;
    private final boolean intercept;
    private final int weightColumn;
    final int q;
    final int d;

    KernelObjective(PassRunner runner, int[] cols, int target, int classes, Preparation prep, LogisticOptions o,
                    int weightColumn) {
        this.weightColumn = weightColumn;
        this.runner = runner;
        this.cols = cols.clone();
        this.target = target;
        this.classes = classes;
        this.prep = prep;
        this.l2 = o.lambda() * (1.0 - o.alpha());
        this.l1 = o.lambda() * o.alpha();
        this.intercept = o.intercept();
        this.q = cols.length + 1;
        this.d = classes == 0 ? q : classes * q;
    }

    boolean penalised() {
        return l2 > 0.0 || l1 > 0.0;
    }

    boolean free(int i) {
        return intercept || i % q != 0;
    }

    /** L1 weight of parameter i (0 for the intercepts). */
    double l1(int i) {
        return i % q == 0 ? 0.0 : l1;
    }

    boolean hasL1() {
        return l1 > 0.0;
    }

    BlockKernel kernel(double[] theta, boolean hessian) {
        return classes == 0
                ? new BinaryKernel(cols, target, prep.center(), prep.scale(), theta, hessian, weightColumn)
                : new SoftmaxKernel(cols, target, classes, prep.center(), prep.scale(), theta, hessian, weightColumn);
    }

    Evaluation evaluate(double[] theta, boolean hessian) {
        double[] s = runner.sum(kernel(theta, hessian));
        double n = s[0];
        int h = BinaryKernel.HEAD;
        double value = -s[4] / n;
        double[] g = new double[d];
        double[] hh = hessian ? new double[d * d] : null;
        for (int i = 0; i < d; i++) {
            g[i] = -s[h + i] / n;
            if (hessian) {
                for (int j = 0; j <= i; j++) {
                    double v = s[h + d + Rows.packed(i, j)] / n;
                    hh[i * d + j] = v;
                    hh[j * d + i] = v;
                }
            }
        }
        for (int i = 0; i < d; i++) {
            if (i % q != 0) {
                value += 0.5 * l2 * theta[i] * theta[i] + l1 * Math.abs(theta[i]);
                g[i] += l2 * theta[i];
                if (hessian) {
                    hh[i * d + i] += l2;
                }
            }
        }
        if (classes > 0) {
            for (int a = 0; a < q; a++) {
                double sum = 0.0;
                for (int k = 0; k < classes; k++) {
                    sum += theta[k * q + a];
                }
                value += 0.5 * sum * sum;
                for (int k = 0; k < classes; k++) {
                    g[k * q + a] += sum;
                    if (hessian) {
                        for (int l = 0; l < classes; l++) {
                            hh[(k * q + a) * d + l * q + a] += 1.0;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < d; i++) {
            if (!free(i)) {
                g[i] = 0.0;
                if (hessian) {
                    for (int j = 0; j < d; j++) {
                        hh[i * d + j] = 0.0;
                        hh[j * d + i] = 0.0;
                    }
                    hh[i * d + i] = 1.0;
                }
            }
        }
        return new Evaluation(value, g, hh, n, s[3], s[4]);
    }

    /**
     * Largest violation of the optimality conditions: {@code |∂F/∂θ_i|} where F is differentiable, and for
     * an L1-penalised coefficient at zero, how far the smooth gradient exceeds the subgradient interval.
     */
    double optimality(double[] theta, double[] g) {
        double m = 0.0;
        for (int i = 0; i < d; i++) {
            double w = l1(i);
            double v;
            if (w == 0.0) {
                v = Math.abs(g[i]);
            } else if (theta[i] != 0.0) {
                v = Math.abs(g[i] + w * Math.signum(theta[i]));
            } else {
                v = Math.max(0.0, Math.abs(g[i]) - w);
            }
            m = Math.max(m, v);
        }
        return m;
    }
}
