package io.gridlearn.model;

import io.gridlearn.BadInputException;
import io.gridlearn.runtime.Learners;

/**
 * Shape checks of a model read from outside, so that prediction never fails halfway with an index error: the
 * checks every model needs here, the learner's own ({@link io.gridlearn.runtime.Learner#validate}) through the
 * registry, and the helpers learners check with.
 */
public final class ModelValidation {
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
        Learners.validate(m, origin);
    }

    /**
     * Refuses the model unless {@code ok}: "ORIGIN: a ALGORITHM model needs WHAT".
     *
     * @param ok        whether the model is allowed
     * @param origin    where the model came from, starting the message
     * @param algorithm the algorithm, in the message
     * @param what      what the model lacks, in the message
     */
    public static void need(boolean ok, String origin, String algorithm, String what) {
        if (!ok) {
            throw new BadInputException(origin + ": a " + algorithm + " model needs " + what);
        }
    }

    /**
     * Refuses a vector that does not have one finite entry per feature.
     *
     * @param v      the per-feature values to check
     * @param p      the number of features
     * @param origin where the model came from, starting the message
     * @param what   the vector's name in the message
     */
    public static void vector(double[] v, int p, String origin, String what) {
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
