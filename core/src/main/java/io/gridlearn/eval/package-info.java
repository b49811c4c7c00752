/**
 * Scoring and evaluation of fitted models: prediction next to the data
 * ({@link io.gridlearn.eval.PredictProcessor}) and on a local CSV without a grid
 * ({@link io.gridlearn.eval.LocalScoring}), the regression metrics pass of the linear family and the
 * classification kernel of {@code evaluate}, all scoring rows through {@link io.gridlearn.model.BoundPredictor} so
 * that they predict the same bits; and {@link io.gridlearn.eval.PredictIntoMapTask}, which writes predictions of a
 * dataset built from a host map into a map under the source keys. It uses {@code data}, {@code data.hostmap}, {@code data.csv}, {@code grid}, {@code model},
 * {@code pass}, {@code simd}, {@code stats} and the linear family's predictor; the learner families use its
 * metrics and the clients its scoring.
 */
package io.gridlearn.eval;
