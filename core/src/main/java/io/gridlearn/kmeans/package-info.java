/**
 * k-means: Lloyd's algorithm with one exactly summed pass per iteration, initial centres from explicit rows, a
 * seeded uniform sample or k-means|| (all decided by hashes of row ids, so they do not depend on where blocks
 * live), and streaming k-means for live models that absorb appends. Like every learner family it uses
 * {@code pass}, {@code data} and {@code model}, plus {@code grid} and {@code simd}; no other learner family, and
 * nothing in the client.
 */
package io.gridlearn.kmeans;
