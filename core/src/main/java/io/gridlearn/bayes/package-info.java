/**
 * Gaussian naive Bayes (scikit-learn's {@code GaussianNB} conventions): a sampler pass for the labels and per-
 * class shifts, one pass of per-class shifted moments and a scoring pass. Like every learner family it uses
 * {@code pass}, {@code data} and {@code model}, plus {@code grid} and the classification kernel of {@code eval};
 * no other learner family, and nothing in the client.
 */
package io.gridlearn.bayes;
