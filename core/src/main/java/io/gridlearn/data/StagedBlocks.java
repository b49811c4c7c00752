package io.gridlearn.data;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A new dataset whose blocks are written by the members themselves, each into partitions it owns (a host map's
 * conversion, {@code io.gridlearn.data.hostmap}), where {@link BlockWriter} streams them from the caller. The
 * protocol is {@link BlockWriter}'s: the block map and its source-key map are fresh and private (their names carry
 * a random load id), {@link #publish} checks that the grid holds every block the members reported and only then
 * makes the schema visible, and {@link #abort} (or any failure in {@link #publish}) destroys both maps, so a failed
 * conversion leaves nothing behind.
 *
 * <p>The source-key map ({@link #keysMapName}) is keyed by block id, like the block map, so a block's keys live in
 * the block's partition; its values are the serialized keys of the block's rows, in row order.
 */
public final class StagedBlocks {
    private static final String KEYS_SUFFIX = ".keys";

    private final DatasetCatalog catalog;
    private final HazelcastInstance hz;
    private final String name;
    private final int blockSize;
    private final String mapName;
    private boolean done;

    StagedBlocks(DatasetCatalog catalog, HazelcastInstance hz, String name, int blockSize) {
        this.catalog = catalog;
        this.hz = hz;
        this.name = DatasetSchema.checkName(name);
        this.blockSize = blockSize;
        if (catalog.find(name).isPresent()) {
            throw new BadInputException("dataset '" + name + "' already exists; drop it first or choose another name");
        }
        this.mapName = io.gridlearn.grid.GridConfigs.DATA_MAP_PREFIX + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The source-key map that goes with a block map (it matches the data maps' configuration, {@code gridlearn.data.*}).
     *
     * @param blockMapName a dataset's block map ({@link DatasetSchema#mapName()})
     * @return the name of the map holding its rows' source keys, by block id
     */
    public static String keysMapName(String blockMapName) {
        return blockMapName + KEYS_SUFFIX;
    }

    /**
     * The private block map the members write into.
     *
     * @return the block map's name
     */
    public String mapName() {
        return mapName;
    }

    /**
     * The private source-key map the members write into.
     *
     * @return the source-key map's name
     */
    public String keysMapName() {
        return keysMapName(mapName);
    }

    /**
     * The new dataset's name.
     *
     * @return the name it will be published under
     */
    public String name() {
        return name;
    }

    /**
     * Rows per block at most.
     *
     * @return the block size
     */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Checks that the grid holds every block and key list the members reported, and makes the dataset visible.
     *
     * @param columns the columns, in block order
     * @param layout  the ids of the blocks written
     * @param rows    the rows they hold together
     * @param digests each block's digest ({@code Fingerprint#digest}), in the ascending order of {@code layout}
     * @param source  where the rows came from, for the schema
     * @return the published schema
     * @throws io.gridlearn.GridlearnException if a block is missing (a member lost meanwhile); the maps are destroyed
     */
    public DatasetSchema publish(List<ColumnSpec> columns, BlockIds layout, long rows, long[] digests, String source) {
        try {
            if (done) {
                throw new IllegalStateException("staged dataset '" + name + "' was already published or aborted");
            }
            if (digests.length != layout.count()) {
                throw new IllegalArgumentException(digests.length + " digests for " + layout.count() + " blocks");
            }
            IMap<Integer, RowBlock> blocks = hz.getMap(mapName);
            int stored = blocks.size();
            int keys = hz.getMap(keysMapName()).size();
            if (stored != layout.count() || keys != layout.count()) {
                throw new GridlearnException("dataset '" + name + "': the grid holds " + stored + " blocks and " + keys
                        + " key lists of " + layout.count() + " written (members lost during the conversion?)");
            }
            Fingerprint fingerprint = new Fingerprint();
            for (long d : digests) {
                fingerprint.addDigest(d);
            }
            DatasetSchema schema = new DatasetSchema(name, mapName, columns, rows, layout.count(), blockSize,
                    fingerprint.hex(columns), source, Instant.now().toString(), layout,
                    layout.isEmpty() ? 0 : layout.last() + 1);
            catalog.publish(schema);
            done = true;
            return schema;
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Destroys whatever the members wrote; safe to call more than once, a no-op after {@link #publish}. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        hz.getMap(mapName).destroy();
        hz.getMap(keysMapName()).destroy();
    }

    /**
     * The digest of one block, for {@link #publish}; members compute it where they build the block.
     *
     * @param block a block
     * @return its 64-bit digest (id, rows and every value's bits)
     */
    public static long digest(RowBlock block) {
        return Fingerprint.digest(block);
    }
}
