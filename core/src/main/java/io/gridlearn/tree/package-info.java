/**
 * Gradient-boosted trees by the histogram method: the {@code gbt} learner (squared-error and logistic objectives,
 * XGBoost 1.7 {@code hist}'s parameters), its binning passes (exact distinct-value counts, an exact range
 * histogram past a cap), its per-level histogram pass in 64-bit fixed point, the tree model and its predictor, and
 * their serializer hook. It uses the pass runtime ({@code io.gridlearn.pass}, {@code io.gridlearn.data}), the
 * learner runtime ({@code io.gridlearn.runtime}) and the model format ({@code io.gridlearn.model}); nothing else
 * of the library's learners.
 */
package io.gridlearn.tree;
