/**
 * Trained models and everything that serves them: the model document of CONTRACT.md
 * ({@link io.gridlearn.model.ModelDocument}) and its JSON with the checks a user-supplied file needs, the
 * per-algorithm row predictors ({@link io.gridlearn.model.Predictors}), mean imputation, the binding of a model to
 * a data source's columns ({@link io.gridlearn.model.FeatureBinding}, {@link io.gridlearn.model.BoundPredictor}),
 * the named, versioned, compare-and-set model stores (CP Subsystem or map, the grid-wide switch between them and
 * the member-side listener that replaces lost CP members), checkpoint publishing and the live predictor. It uses the root exceptions, {@code data} (column specifications), {@code grid}, {@code util} and the
 * iteration listener of {@code pass}; the learner families, scoring and the clients use it.
 */
package io.gridlearn.model;
