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

    public static final String FORMAT = "gridlearn-model/1";
    /** The major format version this build reads; a larger one is refused with a clear message. */
    public static final int FORMAT_MAJOR = 1;

    public ModelDocument {
        features = features == null ? null : List.copyOf(features);
        extensions = extensions == null || extensions.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extensions));
    }

    /** A model without a learner's own fields. */
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
     */
    public static ModelDocument of(String algorithm, String target, List<String> features, Map<String, Object> summary,
                                   Map<String, Map<String, Double>> metrics, Map<String, Object> extensions) {
        return new ModelDocument(FORMAT, null, 0, algorithm, target, features, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, summary, metrics, null, null, null,
                extensions);
    }

    /** One of the learner's own fields, or null. */
    public Object extension(String key) {
        return extensions == null ? null : extensions.get(key);
    }

    /** The same model with these learner's own fields (null: none). */
    public ModelDocument withExtensions(Map<String, Object> newExtensions) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, imputation, newExtensions);
    }

    /** A model without imputation (every learner but a linear fit with {@code --missing mean}). */
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

    /** The same model with the given imputation (null: none). */
    public ModelDocument withImputation(Imputation newImputation) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, newImputation, extensions);
    }

    /** The same model under another name and version. */
    public ModelDocument withNameAndVersion(String newName, long newVersion) {
        return new ModelDocument(format, newName, newVersion, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, provenance, path, imputation, extensions);
    }

    /** The same model with other metrics. */
    public ModelDocument withMetrics(Map<String, Map<String, Double>> newMetrics) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, newMetrics, provenance, path, imputation, extensions);
    }

    /** The same model with other provenance. */
    public ModelDocument withProvenance(Map<String, Object> newProvenance) {
        return new ModelDocument(format, name, version, algorithm, target, features, intercept, coefficients,
                interceptStandardError, standardErrors, tValues, pValues, classes, intercepts, coefficientMatrix,
                centers, components, explainedVariance, explainedVarianceRatio, classPriors, means, variances,
                summary, metrics, newProvenance, path, imputation, extensions);
    }
}
