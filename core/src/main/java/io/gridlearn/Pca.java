package io.gridlearn;

import io.gridlearn.pca.PcaSpec;

import java.util.List;

/**
 * Principal component analysis: the eigen-decomposition of the sample covariance matrix (divisor n − 1) of the
 * columns, or of their correlation matrix with {@link #standardize(boolean)}, from two exact passes (means, then
 * centred cross products). Components come in decreasing order of explained variance; each component's
 * largest-magnitude loading is positive.
 *
 * <p>Instances are immutable: every method returns a new spec.
 */
public final class Pca extends BuiltInSpec {
    private final Integer components;
    private List<String> features;
    private boolean standardize;
    private Missing missing = Missing.ERROR;

    private Pca(Integer components) {
        this.components = components;
    }

    /**
     * Every component.
     *
     * @return a spec for PCA keeping every component
     */
    public static Pca all() {
        return new Pca(null);
    }

    /**
     * The first {@code components} components (≥ 1, at most the number of columns).
     *
     * @param components the number of components kept, ≥ 1
     * @return a spec for PCA keeping that many components
     */
    public static Pca of(int components) {
        return new Pca(Checks.atLeast("Pca.of(components)", "components", 1, components));
    }

    private Pca copy() {
        Pca c = new Pca(components);
        c.features = features;
        c.standardize = standardize;
        c.missing = missing;
        return c;
    }

    /**
     * The columns analysed (default: every column).
     *
     * @param columns the columns' names, in the order of the loadings
     * @return a new spec with those columns
     */
    public Pca features(String... columns) {
        Pca c = copy();
        c.features = Checks.columns("Pca.features(columns)", columns);
        return c;
    }

    /**
     * Analyse z-scored columns (population sd): the correlation structure.
     *
     * @param on true to analyse the correlation matrix rather than the covariance matrix (default false)
     * @return a new spec with that choice
     */
    public Pca standardize(boolean on) {
        Pca c = copy();
        c.standardize = on;
        return c;
    }

    /**
     * What to do with missing values: {@link Missing#ERROR} (default) or {@link Missing#SKIP}.
     *
     * @param rule {@link Missing#ERROR} or {@link Missing#SKIP}
     * @return a new spec with that rule
     */
    public Pca missing(Missing rule) {
        Checks.given("Pca.missing(rule)", "rule", rule);
        if (rule == Missing.MEAN) {
            throw new BadInputException("Pca.missing(rule): Missing.MEAN is for the linear family; use ERROR or SKIP");
        }
        Pca c = copy();
        c.missing = rule;
        return c;
    }

    @Override
    PcaSpec toSpec() {
        return new PcaSpec(features, components, standardize, missing.id(), 42);
    }

    @Override
    public String algorithm() {
        return "pca";
    }
}
