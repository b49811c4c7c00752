/**
 * Datasets from a host's own {@code IMap}s ({@code load --from-map}, {@code Gridlearn.fromMap}), converted by the
 * members that own the entries into row blocks in the same partitions: {@link io.gridlearn.data.hostmap.HostMapLoader}
 * drives two member tasks ({@link io.gridlearn.data.hostmap.ScanTask}, {@link io.gridlearn.data.hostmap.ConvertTask})
 * that read each partition with a partition-limited query and a {@link io.gridlearn.data.hostmap.RowProjection}, so
 * attribute paths are read by Hazelcast's own extractors, as its predicates and aggregators read them.
 *
 * <p>It builds on {@code io.gridlearn.data} (blocks, {@link io.gridlearn.data.StagedBlocks}) and the root exceptions.
 * From Hazelcast it uses the public query, projection, executor and partition APIs, and three internal but stable
 * types every Hazelcast aggregator relies on: {@code QueryableEntry} (an entry's serialized key),
 * {@code SerializationServiceSupport} and {@code HeapData} (a key as text for messages).
 */
package io.gridlearn.data.hostmap;
