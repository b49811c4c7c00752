/**
 * The CSV ingest engine: a sequential prelude (header and type inference), a reader that cuts the file into units
 * of whole records, a pool that parses them in parallel on the raw bytes (RFC 4180 fields, numbers bit-identical
 * to {@link java.lang.Double#parseDouble}, categorical levels in order of first appearance) and a commit stage
 * that hands {@link io.gridlearn.data.RowBlock}s to a {@link io.gridlearn.data.csv.BlockSink} strictly in order,
 * with error messages that name the file, line and column. It uses only the root exceptions and the block types of
 * {@code data}; it knows nothing of Hazelcast, so local scoring uses it without a grid.
 */
package io.gridlearn.data.csv;
