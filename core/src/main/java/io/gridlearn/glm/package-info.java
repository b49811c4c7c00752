/**
 * Generalized linear models: the {@code glm} learner (families, links, offsets, frequency weights, IRLS with one
 * pass per iteration, statsmodels' summary statistics), its kernels and their serializer hook. It uses
 * the facade's option types, {@code pass}, {@code data}, {@code stats}, {@code model}, {@code grid},
 * {@code simd}, {@code runtime}, {@code report} and {@code eval}'s {@link io.gridlearn.eval.HistogramAuc}; no
 * other learner family.
 */
package io.gridlearn.glm;
