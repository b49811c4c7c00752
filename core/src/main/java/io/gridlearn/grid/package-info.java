/**
 * Hazelcast plumbing: member and client configuration ({@link io.gridlearn.grid.GridConfigs},
 * {@link io.gridlearn.grid.GridSettings}), embedded grids of real members in one JVM
 * ({@link io.gridlearn.grid.EmbeddedGrid}), detection of the CP Subsystem, the process-wide deadline of a grid call
 * ({@link io.gridlearn.grid.GridDeadline}), the bulk
 * {@link io.gridlearn.grid.RowBlockSerializer}, wire forms shared by several aggregators
 * ({@link io.gridlearn.grid.Wire}) and the block of serialization factory ids ({@link io.gridlearn.grid.SerializationIds}; each
 * package registers its own {@code DataSerializerHook}). Every package may use it; it imports none above it.
 */
package io.gridlearn.grid;
