package io.gridlearn.linear;

import io.gridlearn.BadInputException;

import java.util.List;
import java.util.stream.Collectors;

/** Builds the user-facing error for a rank-deficient design (shared by both routes). */
final class Collinearity {
    /** Name used for the intercept column in messages. */
    static final String INTERCEPT = "(intercept)";

    private Collinearity() {
    }

    /**
     * @param names     offending columns, in design order
     * @param intercept whether the model has an intercept (then a constant column is collinear too)
     */
    static BadInputException error(List<String> names, boolean intercept) {
        String quoted = names.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        String alt = intercept ? "constant" : "all zero";
        if (names.size() == 1) {
            return new BadInputException("column " + quoted + " is a linear combination of the columns before it (or "
                    + alt + "); drop it or use ridge");
        }
        return new BadInputException("columns " + quoted + " are linear combinations of the columns before them (or "
                + alt + "); drop them or use ridge");
    }

    /** Feature name of design column {@code j} ({@code j = 0} is the intercept when there is one). */
    static String designName(List<String> features, boolean intercept, int j) {
        if (intercept) {
            return j == 0 ? INTERCEPT : features.get(j - 1);
        }
        return features.get(j);
    }
}
