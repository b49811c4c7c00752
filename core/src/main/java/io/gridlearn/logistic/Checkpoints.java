package io.gridlearn.logistic;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;

import java.util.List;
import java.util.Map;

/**
 * Reading a solver state back from a checkpoint's {@code summary}. The working parameters (and the L-BFGS
 * memory) are stored exactly, as doubles, because converting to the original scale and back would round:
 * resuming from them repeats the uninterrupted run bit for bit. A document without them (a model from
 * elsewhere) is converted from its original-scale coefficients and starts a fresh solver history.
 */
final class Checkpoints {
    static final String PARAMETERS = "workingParameters";

    private Checkpoints() {
    }

    static SolverState start(ModelDocument doc, int d, int q, List<String> features, Preparation prep,
                             boolean softmax) {
        if (doc == null) {
            return new SolverState(new double[d], 0, Double.NaN, Double.NaN, false, 0, null, null, null);
        }
        if (doc.features() != null && !doc.features().equals(features)) {
            throw new BadInputException("cannot resume: the checkpoint's features " + doc.features()
                    + " differ from " + features);
        }
        Map<String, Object> s = doc.summary() == null ? Map.of() : doc.summary();
        double[] theta = doubles(s.get(PARAMETERS));
        if (theta == null) {
            theta = Scale.toWorking(originalParameters(doc, q, softmax), q, prep.center(), prep.scale());
        }
        if (theta.length != d) {
            throw new BadInputException("cannot resume: the checkpoint has " + theta.length + " parameters, this"
                    + " fit has " + d);
        }
        int iter = s.get("iteration") instanceof Number n ? n.intValue() : 0;
        int growing = s.get("growing") instanceof Number n ? n.intValue() : 0;
        boolean converged = Boolean.TRUE.equals(s.get("converged"));
        double change = s.get("change") instanceof Number n ? n.doubleValue() : Double.NaN;
        double[][] ms = matrix(s.get("lbfgsS"));
        double[][] my = matrix(s.get("lbfgsY"));
        return new SolverState(theta, iter, Double.NaN, change, converged, growing, ms, my, null);
    }

    private static double[] originalParameters(ModelDocument doc, int q, boolean softmax) {
        if (!softmax) {
            if (doc.intercept() == null || doc.coefficients() == null || doc.coefficients().length != q - 1) {
                throw new BadInputException("cannot resume: the checkpoint has no intercept and " + (q - 1)
                        + " coefficients");
            }
            double[] out = new double[q];
            out[0] = doc.intercept();
            System.arraycopy(doc.coefficients(), 0, out, 1, q - 1);
            return out;
        }
        if (doc.intercepts() == null || doc.coefficientMatrix() == null) {
            throw new BadInputException("cannot resume: the checkpoint has no intercepts and coefficientMatrix");
        }
        int k = doc.intercepts().length;
        double[] out = new double[k * q];
        for (int c = 0; c < k; c++) {
            out[c * q] = doc.intercepts()[c];
            System.arraycopy(doc.coefficientMatrix()[c], 0, out, c * q + 1, q - 1);
        }
        return out;
    }

    /** A double[] or a JSON list of numbers (after a round trip through the model store); else null. */
    static double[] doubles(Object o) {
        if (o instanceof double[] a) {
            return a.clone();
        }
        if (o instanceof List<?> l) {
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((Number) l.get(i)).doubleValue();
            }
            return a;
        }
        return null;
    }

    static double[][] matrix(Object o) {
        if (o instanceof double[][] a) {
            return a;
        }
        if (o instanceof List<?> l) {
            double[][] a = new double[l.size()][];
            for (int i = 0; i < a.length; i++) {
                a[i] = doubles(l.get(i));
            }
            return a;
        }
        return null;
    }
}
