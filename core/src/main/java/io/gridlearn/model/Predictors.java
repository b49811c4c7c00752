package io.gridlearn.model;

import io.gridlearn.BadInputException;

/**
 * A {@link RowPredictor} for a model document. All arithmetic uses fused multiply-adds in feature order,
 * so a prediction is the same bits locally, in the grid and on any member.
 */
public final class Predictors {
    private Predictors() {
    }

    public static RowPredictor of(ModelDocument m) {
        return switch (m.algorithm()) {
            case "linear", "ridge", "lasso", "elastic-net" -> linear(m.intercept(), m.coefficients());
            case "logistic" -> logistic(m);
            case "softmax" -> softmax(m);
            case "kmeans" -> nearestCentre(m.centers());
            case "naive-bayes" -> gaussianNaiveBayes(m);
            default -> throw new BadInputException("a " + m.algorithm() + " model does not predict one value per row");
        };
    }

    /** True when predictions are class labels or cluster indices (integers), not real values. */
    public static boolean predictsLabels(ModelDocument m) {
        return switch (m.algorithm()) {
            case "logistic", "softmax", "kmeans", "naive-bayes" -> true;
            default -> false;
        };
    }

    static double dot(double b0, double[] b, double[] x) {
        double y = b0;
        for (int j = 0; j < b.length; j++) {
            y = Math.fma(b[j], x[j], y);
        }
        return y;
    }

    private static RowPredictor linear(double b0, double[] b) {
        return x -> dot(b0, b, x);
    }

    private static RowPredictor logistic(ModelDocument m) {
        double b0 = m.intercept();
        double[] b = m.coefficients();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return dot(b0, b, x) > 0 ? 1 : 0;
            }

            @Override
            public double[] probabilities(double[] x) {
                double eta = dot(b0, b, x);
                double p1 = eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
                return new double[] {1 - p1, p1};
            }
        };
    }

    private static RowPredictor softmax(ModelDocument m) {
        double[] b0 = m.intercepts();
        double[][] w = m.coefficientMatrix();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return argmax(scores(x));
            }

            @Override
            public double[] probabilities(double[] x) {
                return normalise(scores(x));
            }

            private double[] scores(double[] x) {
                double[] s = new double[b0.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = dot(b0[k], w[k], x);
                }
                return s;
            }
        };
    }

    private static RowPredictor nearestCentre(double[][] centres) {
        return x -> {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double d = 0;
                for (int j = 0; j < x.length; j++) {
                    double t = x[j] - centres[k][j];
                    d = Math.fma(t, t, d);
                }
                if (d < bestD) {
                    bestD = d;
                    best = k;
                }
            }
            return best;
        };
    }

    private static RowPredictor gaussianNaiveBayes(ModelDocument m) {
        double[] priors = m.classPriors();
        double[][] mu = m.means();
        double[][] var = m.variances();
        return new RowPredictor() {
            @Override
            public double predict(double[] x) {
                return m.classes().get(argmax(logJoint(x)));
            }

            @Override
            public double[] probabilities(double[] x) {
                return normalise(logJoint(x));
            }

            private double[] logJoint(double[] x) {
                double[] s = new double[priors.length];
                for (int k = 0; k < s.length; k++) {
                    double l = Math.log(priors[k]);
                    for (int j = 0; j < x.length; j++) {
                        double d = x[j] - mu[k][j];
                        l -= 0.5 * Math.log(2 * Math.PI * var[k][j]) + d * d / (2 * var[k][j]);
                    }
                    s[k] = l;
                }
                return s;
            }
        };
    }

    static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    /** exp(s − max) normalised: the log-sum-exp trick, so large scores do not overflow. */
    static double[] normalise(double[] s) {
        double max = s[argmax(s)];
        double total = 0;
        double[] p = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            p[k] = Math.exp(s[k] - max);
            total += p[k];
        }
        for (int k = 0; k < s.length; k++) {
            p[k] /= total;
        }
        return p;
    }
}
