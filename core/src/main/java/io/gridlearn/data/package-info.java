/**
 * Datasets in the grid: the immutable column-major {@link io.gridlearn.data.RowBlock}, the published
 * {@link io.gridlearn.data.DatasetSchema} and the {@link io.gridlearn.data.DatasetCatalog} that finds them,
 * loading ({@link io.gridlearn.data.CsvLoader}, {@link io.gridlearn.data.BlockWriter}), appending, removing and
 * replacing blocks under one all-or-nothing protocol, block id sets and their partitions, fingerprints, the choice
 * of a learner's columns, the row grouping into test set and folds, and the guard
 * ({@link io.gridlearn.data.Passes}, {@link io.gridlearn.data.BlockPassAggregator}) that makes every aggregation pass
 * complete or fail, never silently partial, and its variant for large statistics
 * ({@link io.gridlearn.data.MemberPasses}: one statistic per member JVM, not per partition, with an exactly-once
 * check of the blocks). It uses the root exceptions, {@code data.csv} for parsing,
 * {@code grid} for the Hazelcast configuration and wire forms, {@code simd} and {@code util}; it knows no learner,
 * and every learner family builds on it.
 */
package io.gridlearn.data;
