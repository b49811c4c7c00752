/**
 * Principal component analysis by eigen-decomposition of the sample covariance (or correlation), from two passes
 * of exactly summed, shifted column moments. Like every learner family it uses {@code pass}, {@code data},
 * {@code stats} and {@code model}, plus {@code grid}; no other learner family, and nothing in the client.
 */
package io.gridlearn.pca;
