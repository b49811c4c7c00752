/**
 * Generalized linear models: the {@code glm} learner (families, links, offsets, frequency weights, IRLS with one
 * pass per iteration, statsmodels' summary statistics), its kernels and their serializer hook.
 */
package io.gridlearn.glm;
