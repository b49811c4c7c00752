/**
 * Hazelcast plumbing: member and client configuration ({@link io.gridlearn.grid.GridConfigs},
 * {@link io.gridlearn.grid.GridSettings}), embedded grids of real members in one JVM
 * ({@link io.gridlearn.grid.EmbeddedGrid}), detection of the CP Subsystem, the bulk
 * {@link io.gridlearn.grid.RowBlockSerializer}, wire forms shared by several aggregators
 * ({@link io.gridlearn.grid.Wire}) and the serialization ids. Every package may use it. It is the lowest layer
 * that knows Hazelcast; its data- serializable factory, which creates the other packages' wire types by id, is for
 * now the one class here that imports the packages above it.
 */
package io.gridlearn.grid;
