/**
 * Datasets from a host's own {@code IMap}s ({@code load --from-map}, {@code Gridlearn.fromMap}), converted by the
 * members that own the entries into row blocks in the same partitions: {@link io.gridlearn.data.hostmap.HostMapLoader}
 * drives two member tasks ({@link io.gridlearn.data.hostmap.ScanTask}, {@link io.gridlearn.data.hostmap.ConvertTask})
 * that read each partition with a partition-limited query and a {@link io.gridlearn.data.hostmap.RowProjection}, so
 * attribute paths are read by Hazelcast's own extractors, as its predicates and aggregators read them.
 *
 * <p>{@link io.gridlearn.data.hostmap.HostMapFollow} keeps such a dataset equal to its map: a
 * {@link io.gridlearn.data.hostmap.JournalFollower} on a member watches the map's event journal and re-converts the
 * partitions that changed with the same {@code ConvertTask}, publishing one change per round, which live models absorb.
 *
 * <p>It builds on {@code io.gridlearn.data} (blocks, {@link io.gridlearn.data.StagedBlocks},
 * {@link io.gridlearn.data.DatasetEditor}), the root exceptions, and, for a follower's changes,
 * {@code io.gridlearn.runtime.LiveModelsOf} (the live models of every learner).
 * From Hazelcast it uses the public query, projection, executor and partition APIs, and three internal but stable
 * types every Hazelcast aggregator relies on: {@code QueryableEntry} (an entry's serialized key),
 * {@code SerializationServiceSupport} and {@code HeapData} (a key as text for messages); and the journal reader every
 * {@code IMap} proxy implements, {@code com.hazelcast.internal.journal.EventJournalReader} (the interface Jet's
 * journal source uses; only {@code subscribeToEventJournal}, which returns a partition's oldest and newest sequence).
 */
package io.gridlearn.data.hostmap;
