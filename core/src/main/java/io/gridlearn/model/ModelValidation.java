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
            default -> throw new BadInputException(origin + ": algorithm \"" + m.algorithm()
                    + "\" is not supported by this gridlearn (supported: linear, ridge, lasso, elastic-net)");
        }
    }
}
