package io.gridlearn.model;

import io.gridlearn.BadInputException;

/** Shape checks of a model read from outside, so that prediction never fails halfway with an index error. */
final class ModelValidation {
    private ModelValidation() {
    }

    static void check(ModelDocument m, String origin) {
        if (m.algorithm() == null) {
            throw new BadInputException(origin + ": model has no \"algorithm\"");
        }
        if (m.features() == null || m.features().isEmpty()) {
            throw new BadInputException(origin + ": model has no \"features\"");
        }
        int p = m.features().size();
        if (m.imputation() != null && m.imputation().values().length != p) {
            throw new BadInputException(origin + ": imputation \"values\" must have " + p
                    + " entries, one per feature, had " + m.imputation().values().length);
        }
        switch (m.algorithm()) {
            case "linear", "ridge", "lasso", "elastic-net" -> {
                if (m.intercept() == null || m.coefficients() == null) {
                    throw new BadInputException(origin + ": a " + m.algorithm() + " model needs \"intercept\" and \"coefficients\"");
                }
                if (m.coefficients().length != p) {
                    throw new BadInputException(origin + ": " + m.coefficients().length + " coefficients for " + p + " features");
                }
                for (double c : m.coefficients()) {
                    if (!Double.isFinite(c)) {
                        throw new BadInputException(origin + ": a coefficient is not a finite number");
                    }
                }
            }
            case "logistic" -> {
                need(m.intercept() != null && m.coefficients() != null, origin, "logistic", "intercept and coefficients");
                vector(m.coefficients(), p, origin, "coefficients");
            }
            case "softmax" -> {
                need(m.intercepts() != null && m.coefficientMatrix() != null, origin, "softmax", "intercepts and coefficientMatrix");
                need(m.coefficientMatrix().length == m.intercepts().length, origin, "softmax", "one coefficient row per intercept");
                for (double[] row : m.coefficientMatrix()) {
                    vector(row, p, origin, "coefficientMatrix rows");
                }
            }
            case "kmeans" -> {
                need(m.centers() != null && m.centers().length > 0, origin, "kmeans", "centers");
                for (double[] c : m.centers()) {
                    vector(c, p, origin, "centers");
                }
            }
            case "naive-bayes" -> {
                need(m.classPriors() != null && m.means() != null && m.variances() != null && m.classes() != null,
                        origin, "naive-bayes", "classes, classPriors, means and variances");
                int k = m.classPriors().length;
                need(m.means().length == k && m.variances().length == k && m.classes().size() == k, origin,
                        "naive-bayes", "one prior, mean row and variance row per class");
                for (int c = 0; c < k; c++) {
                    vector(m.means()[c], p, origin, "means");
                    vector(m.variances()[c], p, origin, "variances");
                }
            }
            case "pca" -> {
                need(m.components() != null, origin, "pca", "components");
                for (double[] c : m.components()) {
                    vector(c, p, origin, "components");
                }
            }
            default -> throw new BadInputException(origin + ": algorithm \"" + m.algorithm()
                    + "\" is not supported by this gridlearn (supported: linear, ridge, lasso, elastic-net, logistic, "
                    + "softmax, kmeans, pca, naive-bayes)");
        }
    }

    private static void need(boolean ok, String origin, String algorithm, String what) {
        if (!ok) {
            throw new BadInputException(origin + ": a " + algorithm + " model needs " + what);
        }
    }

    private static void vector(double[] v, int p, String origin, String what) {
        if (v == null || v.length != p) {
            throw new BadInputException(origin + ": " + what + " must have " + p + " entries, one per feature");
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new BadInputException(origin + ": " + what + " hold a value that is not a finite number");
            }
        }
    }
}
