package io.gridlearn.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * A trained model as an immutable value, in the JSON form of CONTRACT.md ({@code gridlearn-model/1}).
 * Arrays line up with {@code features}; coefficients are on the original feature scale. Fields that do not
 * apply to an algorithm are null and left out of the JSON.
 *
 * @param format                 the format, {@link #FORMAT}
 * @param name                   the name in the store, or null before the model is published
 * @param version                the version in the store, from 1; 0 before the model is published
 * @param algorithm              the algorithm, e.g. {@code linear}, {@code kmeans}
 * @param target                 the target column, or null for an unsupervised model
 * @param features               the feature names, in the order of every per-feature array
 * @param intercept              the intercept b₀ of a linear-family or binary logistic model, or null
 * @param coefficients           the coefficients b, one per feature, or null
 * @param interceptStandardError the standard error of b₀ (OLS), or null
 * @param standardErrors         the standard errors of the coefficients (OLS), one per feature, or null
 * @param tValues                the t statistics bⱼ / se(bⱼ), one per feature, or null
 * @param pValues                the two-sided p-values of the t statistics, one per feature, or null
 * @param classes                a classifier's class labels, in the order of every per-class array, or null
 * @param intercepts             softmax: one intercept per class, or null
 * @param coefficientMatrix      softmax: the coefficients, classes × features, or null
 * @param centers                k-means: the centres, k × features, or null
 * @param components             PCA: the components, one row of loadings (one per feature) per component, or null
 * @param explainedVariance      PCA: the variance along each component, largest first, or null
 * @param explainedVarianceRatio PCA: each component's share of the total variance, in [0, 1], or null
 * @param classPriors            naive Bayes: each class's share of the training rows, or null
 * @param means                  naive Bayes: the feature means of each class, classes × features, or null
 * @param variances              naive Bayes: the smoothed feature variances, classes × features, or null
 * @param summary    algorithm-specific fit statistics (R², F, residual standard error, iterations, …)
 * @param metrics    {@code train}, {@code test} and {@code cv} metric maps
 * @param provenance dataset, fingerprint, rows, options, seed, library version, timestamps
 * @param path       for penalised linear fits with a regularisation path: one entry per λ
 * @param imputation how missing feature values are filled before predicting ({@code fit --missing mean}),
 *                   or null: rows with a missing feature are not scored
 * @param extensions a learner's own top-level fields (a learner added after these fields were fixed keeps its
 *                   parameters here); written after the fields above, in insertion order; null or empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "name", "version", "algorithm", "target", "features", "intercept", "coefficients",
        "interceptStandardError", "standardErrors", "tValues", "pValues"})
public record ModelDocument(
        String format,
        String name,
        long version,
        String algorithm,
        String target,
        List<String> features,
        Double intercept,
        double[] coefficients,
        Double interceptStandardError,
        double[] standardErrors,
        double[] tValues,
        double[] pValues,
        List<Integer> classes,
        double[] intercepts,
        double[][] coefficientMatrix,
        double[][] centers,
        double[][] components,
        double[] explainedVariance,
        double[] explainedVarianceRatio,
        double[] classPriors,
        double[][] means,
        double[][] variances,
        Map<String, Object> summary,
        Map<String, Map<String, Double>> metrics,
        Map<String, Object> provenance,
        List<Map<String, Object>> path,
        Imputation imputation,
        @JsonAnyGetter Map<String, Object> extensions) {

    /** The format of this build's model JSON. */
    public static final String FORMAT = "gridlearn-model/1";
    /** The major format version this build reads; a larger one is refused with a clear message. */
    public static final int FORMAT_MAJOR = 1;

    /**
     * Copies {@code features} and {@code extensions}, so that the document stays immutable; an empty
     * {@code extensions} becomes null.
     *
     * @param format                 the format, {@link #FORMAT}
     * @param name                   the name in the store, or null before the model is published
     * @param version                the version in the store, from 1; 0 before the model is published
     * @param algorithm              the algorithm, e.g. {@code linear}, {@code kmeans}
     * @param target                 the target column, or null for an unsupervised model
     * @param features               the feature names, in the order of every per-feature array
     * @param intercept              the intercept b₀, or null
     * @param coefficients           the coefficients b, one per feature, or null
     * @param interceptStandardError the standard error of b₀, or null
     * @param standardErrors         the standard errors of the coefficients, or null
     * @param tValues                the t statistics, or null
     * @param pValues                the two-sided p-values, or null
     * @param classes                a classifier's class labels, or null
     * @param intercepts             softmax: one intercept per class, or null
     * @param coefficientMatrix      softmax: the coefficients, classes × features, or null
     * @param centers                k-means: the centres, k × features, or null
     * @param components             PCA: the components, components × features, or null
     * @param explainedVariance      PCA: the variance along each component, or null
     * @param explainedVarianceRatio PCA: each component's share of the total variance, or null
     * @param classPriors            naive Bayes: each class's share of the training rows, or null
     * @param means                  naive Bayes: the feature means of each class, or null
     * @param variances              naive Bayes: the feature variances of each class, or null
     * @param summary                algorithm-specific fit statistics
     * @param metrics                {@code train}, {@code test} and {@code cv} metric maps
     * @param provenance             dataset, fingerprint, rows, options, seed, library version, timestamps
     * @param path                   the regularisation path, one entry per λ, or null
     * @param imputation             how missing feature values are filled, or null
     * @param extensions             a learner's own top-level fields, or null
     */
    public ModelDocument {
        features = features == null ? null : List.copyOf(features);
        extensions = extensions == null || extensions.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extensions));
    }

    /**
     * A model without a learner's own fields.
     *
     * @param format                 the format, {@link #FORMAT}
     * @param name                   the name in the store, or null before the model is published
     * @param version                the version in the store, from 1; 0 before the model is published
     * @param algorithm              the algorithm, e.g. {@code linear}, {@code kmeans}
     * @param target                 the target column, or null for an unsupervised model
     * @param features               the feature names, in the order of every per-feature array
     * @param intercept              the intercept b₀ of a linear-family or binary logistic model, or null
     * @param coefficients           the coefficients b, one per feature, or null
     * @param interceptStandardError the standard error of b₀ (OLS), or null
     * @param standardErrors         the standard errors of the coefficients (OLS), one per feature, or null
     * @param tValues                the t statistics bⱼ / se(bⱼ), one per feature, or null
     * @param pValues                the two-sided p-values of the t statistics, one per feature, or null
     * @param classes                a classifier's class labels, in the order of every per-class array, or null
     * @param intercepts             softmax: one intercept per class, or null
     * @param coefficientMatrix      softmax: the coefficients, classes × features, or null
     * @param centers                k-means: the centres, k × features, or null
     * @param components             PCA: the components, one row of loadings (one per feature) per component, or null
     * @param explainedVariance      PCA: the variance along each component, largest first, or null
     * @param explainedVarianceRatio PCA: each component's share of the total variance, in [0, 1], or null
     * @param classPriors            naive Bayes: each class's share of the training rows, or null
     * @param means                  naive Bayes: the feature means of each class, classes × features, or null
     * @param variances              naive Bayes: the smoothed feature variances, classes × features, or null
     * @param summary                algorithm-specific fit statistics
     * @param metrics                {@code train}, {@code test} and {@code cv} metric maps
     * @param provenance             dataset, fingerprint, rows, options, seed, library version, timestamps
     * @param path                   the regularisation path, one entry per λ, or null
     * @param imputation             how missing feature values are filled, or null
     */
    public ModelDocument(String format, String name, long version, String algorithm, String target,
                         List<String> features, Double intercept, double[] coefficients, Double interceptStandardError,
                         double[] standardErrors, double[] tValues, double[] pValues, List<Integer> classes,
                         double[] intercepts, double[][] coefficientMatrix, double[][] centers, double[][] components,
                         double[] explainedVariance, double[] explainedVarianceRatio, double[] classPriors,
                         double[][] means, double[][] variances, Map<String, Object> summary,
                         Map<String, Map<String, Double>> metrics, Map<String, Object> provenance,
                         List<Map<String, Object>> path, Imputation imputation) {
        this(format, name, version, algorithm, target, features, intercept, coefficients, interceptStandardError,
                standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix, centers, components,
                explainedVariance, explainedVarianceRatio, classPriors, means, variances, summary, metrics,
                provenance, path, imputation, null);
    }

    /**
     * A model of a learner whose parameters are all its own: the common fields, and {@code extensions} written
     * at the top level of the JSON after them.
     *
     * @param algorithm  the algorithm, e.g. {@code kmeans}
     * @param target     the target column, or null for an unsupervised model
     * @param features   the feature names
     * @param summary    algorithm-specific fit statistics
     * @param metrics    {@code train}, {@code test} and {@code cv} metric maps
     * @param extensions the learner's parameters, by field name
     * @return a document of format {@link #FORMAT}, without name, version or provenance
     */
    public static ModelDocument of(String algorithm, String target, List<String> features, Map<String, Object> summary,
                                   Map<String, Map<String, Double>> metrics, Map<String, Object> extensions) {
        return new ModelDocument(FORMAT, null, 0, algorithm, target, features, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, summary, metrics, null, null, null,
                extensions);
    }

    /**
     * One of the learner's own fields, or null.
     *
     * @param key the field's name in the JSON
     * @return the field's value (a number, string, list or map as Jackson reads JSON), or null when absent
     */
    public Object extension(String key) {
        return extensions == null ? null : extensions.get(key);
    }

    /**
     * The same model with these learner's own fields (null: none).
     *
     * @param newExtensions the learner's own fields, or null
     * @return a copy with those fields
     */
    public ModelDocument withExtensions(Map<String, Object> newExtensions) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, imputation, newExtensions);
    }

    /**
     * A model without imputation (every learner but a linear fit with {@code --missing mean}).
     *
     * @param format                 the format, {@link #FORMAT}
     * @param name                   the name in the store, or null before the model is published
     * @param version                the version in the store, from 1; 0 before the model is published
     * @param algorithm              the algorithm, e.g. {@code linear}, {@code kmeans}
     * @param target                 the target column, or null for an unsupervised model
     * @param features               the feature names, in the order of every per-feature array
     * @param intercept              the intercept b₀ of a linear-family or binary logistic model, or null
     * @param coefficients           the coefficients b, one per feature, or null
     * @param interceptStandardError the standard error of b₀ (OLS), or null
     * @param standardErrors         the standard errors of the coefficients (OLS), one per feature, or null
     * @param tValues                the t statistics bⱼ / se(bⱼ), one per feature, or null
     * @param pValues                the two-sided p-values of the t statistics, one per feature, or null
     * @param classes                a classifier's class labels, in the order of every per-class array, or null
     * @param intercepts             softmax: one intercept per class, or null
     * @param coefficientMatrix      softmax: the coefficients, classes × features, or null
     * @param centers                k-means: the centres, k × features, or null
     * @param components             PCA: the components, one row of loadings (one per feature) per component, or null
     * @param explainedVariance      PCA: the variance along each component, largest first, or null
     * @param explainedVarianceRatio PCA: each component's share of the total variance, in [0, 1], or null
     * @param classPriors            naive Bayes: each class's share of the training rows, or null
     * @param means                  naive Bayes: the feature means of each class, classes × features, or null
     * @param variances              naive Bayes: the smoothed feature variances, classes × features, or null
     * @param summary                algorithm-specific fit statistics
     * @param metrics                {@code train}, {@code test} and {@code cv} metric maps
     * @param provenance             dataset, fingerprint, rows, options, seed, library version, timestamps
     * @param path                   the regularisation path, one entry per λ, or null
     */
    public ModelDocument(String format, String name, long version, String algorithm, String target,
                         List<String> features, Double intercept, double[] coefficients, Double interceptStandardError,
                         double[] standardErrors, double[] tValues, double[] pValues, List<Integer> classes,
                         double[] intercepts, double[][] coefficientMatrix, double[][] centers, double[][] components,
                         double[] explainedVariance, double[] explainedVarianceRatio, double[] classPriors,
                         double[][] means, double[][] variances, Map<String, Object> summary,
                         Map<String, Map<String, Double>> metrics, Map<String, Object> provenance,
                         List<Map<String, Object>> path) {
        this(format, name, version, algorithm, target, features, intercept, coefficients, interceptStandardError,
                standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix, centers, components,
                explainedVariance, explainedVarianceRatio, classPriors, means, variances, summary, metrics,
                provenance, path, null);
    }

    /**
     * The same model with the given imputation (null: none).
     *
     * @param newImputation the imputation, or null
     * @return a copy with that imputation
     */
    public ModelDocument withImputation(Imputation newImputation) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, newImputation, extensions);
    }

    /**
     * The same model under another name and version.
     *
     * @param newName    the name in the store
     * @param newVersion the version in the store
     * @return a copy with that name and version
     */
    public ModelDocument withNameAndVersion(String newName, long newVersion) {
        return new ModelDocument(format, newName, newVersion, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, imputation, extensions);
    }

    /**
     * The same model with other metrics.
     *
     * @param newMetrics the metric maps by split
     * @return a copy with those metrics
     */
    public ModelDocument withMetrics(Map<String, Map<String, Double>> newMetrics) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, newMetrics, provenance, path, imputation, extensions);
    }

    /**
     * The same model with other provenance.
     *
     * @param newProvenance the provenance
     * @return a copy with that provenance
     */
    public ModelDocument withProvenance(Map<String, Object> newProvenance) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, newProvenance, path, imputation, extensions);
    }
}
