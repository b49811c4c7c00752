package io.gridlearn.tree;

import io.gridlearn.OptionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a random forest's trees minimise (its {@code --objective}, the flag {@code gbt} uses for its loss, so one
 * name selects what a tree ensemble fits): {@link #SQUARED_ERROR} for regression (scikit-learn's
 * {@code criterion="squared_error"}, leaves predict the mean) and {@link #GINI} for binary classification
 * (scikit-learn's {@code criterion="gini"}, leaves predict the share of class 1).
 *
 * <p>Both are one computation. Per node with weights wᵢ (bootstrap counts) and labels yᵢ, the weighted squared
 * error about the mean is Σwᵢyᵢ² − (Σwᵢyᵢ)²/Σwᵢ, so a split's reduction of it is
 * G_L²/H_L + G_R²/H_R − G²/H with G = Σwᵢyᵢ and H = Σwᵢ: the {@code gbt} gain with g = w·y, h = w and λ = 0.
 * For labels in {0, 1} the node's Gini impurity is 2p(1 − p) with p = G/H, and H·2p(1 − p) = 2(G − G²/H) =
 * 2 × its weighted squared error, so the squared-error reduction on the 0/1 label is exactly half the weighted
 * Gini decrease and picks the same splits (Breiman, Friedman, Olshen &amp; Stone 1984, CART §4.3: the Gini index
 * equals the variance of the class indicator).
 */
public enum ForestObjective {
    /** Regression: variance reduction, the leaf predicts the mean. */
    SQUARED_ERROR("squared-error"),
    /** Binary classification, labels 0 or 1: Gini decrease, the leaf predicts the share of class 1. */
    GINI("gini");

    private final String cliName;

    ForestObjective(String cliName) {
        this.cliName = cliName;
    }

    /**
     * The name on the command line and in the model JSON.
     *
     * @return {@code squared-error} or {@code gini}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * @return true for {@link #GINI}
     */
    public boolean classifier() {
        return this == GINI;
    }

    /**
     * The objective of a name.
     *
     * @param name   {@code squared-error} or {@code gini} (any case)
     * @param option the option's Java name, for the message
     * @return the objective
     * @throws OptionException naming the option when the name is unknown
     */
    public static ForestObjective of(String name, String option) {
        for (ForestObjective o : values()) {
            if (o.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new OptionException(option, "must be one of " + names() + ", was '" + name + "'");
    }

    static String names() {
        return Arrays.stream(values()).map(ForestObjective::cliName).collect(Collectors.joining(", "));
    }
}
