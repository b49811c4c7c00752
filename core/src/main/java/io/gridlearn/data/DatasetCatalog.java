package io.gridlearn.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.util.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The datasets in a grid: schemas (as JSON) in {@value GridConfigs#DATASETS_MAP}, blocks in one map per
 * dataset. Works the same from a member and from a thin client.
 */
public final class DatasetCatalog {
    private final HazelcastInstance hz;
    private final IMap<String, String> schemas;
    private final IMap<String, Long> reservations;

    /**
     * The catalog of {@code hz}'s grid.
     *
     * @param hz a member or a client of the grid
     */
    public DatasetCatalog(HazelcastInstance hz) {
        this.hz = hz;
        this.schemas = hz.getMap(GridConfigs.DATASETS_MAP);
        this.reservations = hz.getMap(GridConfigs.BLOCK_IDS_MAP);
    }

    /**
     * The Hazelcast instance.
     *
     * @return the member or client this catalog was built on
     */
    public HazelcastInstance instance() {
        return hz;
    }

    /**
     * Every dataset, by name.
     *
     * @return every dataset's newest schema, sorted by name
     */
    public List<DatasetSchema> list() {
        List<DatasetSchema> out = new ArrayList<>();
        for (String json : schemas.values()) {
            out.add(parse(json));
        }
        out.sort(Comparator.comparing(DatasetSchema::name));
        return out;
    }

    /**
     * The schema of a dataset, if it exists.
     *
     * @param name a dataset name
     * @return its newest schema, or empty when there is no such dataset
     */
    public Optional<DatasetSchema> find(String name) {
        String json = schemas.get(name);
        return json == null ? Optional.empty() : Optional.of(parse(json));
    }

    /**
     * The dataset's schema, or a clear error naming the datasets that do exist.
     *
     * @param name a dataset name
     * @return its newest schema
     * @throws io.gridlearn.BadInputException if there is no such dataset
     */
    public DatasetSchema get(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(DatasetSchema::name).toList();
            return new BadInputException("unknown dataset '" + name + "'"
                    + (names.isEmpty() ? "; the grid has no datasets (load one first)" : "; known: " + String.join(", ", names)));
        });
    }

    /**
     * The blocks of a dataset, keyed by block number.
     *
     * @param schema the dataset
     * @return its block map ({@link DatasetSchema#mapName()}); it may hold staged or removed blocks besides the
     *         live ones ({@link DatasetSchema#layout()})
     */
    public IMap<Integer, RowBlock> blocks(DatasetSchema schema) {
        return hz.getMap(schema.mapName());
    }

    /**
     * A writer for a new dataset; nothing is visible until {@link BlockWriter#publish}.
     *
     * @param name      the new dataset's name ({@link DatasetSchema#checkName})
     * @param blockSize rows per block, 1 to 2^20
     * @return a writer storing into a fresh, private map
     * @throws io.gridlearn.BadInputException if the block size or the name is not allowed, or the name is taken
     */
    public BlockWriter newWriter(String name, int blockSize) {
        if (blockSize < 1 || blockSize > 1 << 20) {
            throw new BadInputException("block size must be between 1 and 1048576 rows, was " + blockSize);
        }
        return new BlockWriter(this, hz, name, blockSize);
    }

    void publish(DatasetSchema schema) {
        String previous = schemas.putIfAbsent(schema.name(), toJson(schema));
        if (previous != null) {
            throw new BadInputException("dataset '" + schema.name() + "' already exists; drop it first or choose another name");
        }
    }

    /** Replaces a schema by compare-and-set: false when it changed since {@code before} was read. */
    boolean replace(DatasetSchema before, DatasetSchema after) {
        String current = schemas.get(before.name());
        if (current == null || !parse(current).equals(before)) {
            return false;
        }
        return schemas.replace(before.name(), current, toJson(after));
    }

    /**
     * Reserves {@code count} fresh block ids of a dataset's block map and returns the first. Writers (appends,
     * replacements) stage new blocks under reserved ids before they publish a schema naming them, so two
     * concurrent writers never write — or, when one fails, delete — the same key. A reservation is a
     * compare-and-set on a counter per block map ({@value GridConfigs#BLOCK_IDS_MAP}, seeded from the schema's
     * {@code nextBlock}); ids of a failed writer are simply never used.
     *
     * @param schema the dataset
     * @param count  how many ids, at least 1
     * @return the first of {@code count} consecutive ids no writer has used or will use
     * @throws GridlearnException when the ids would pass {@code Integer.MAX_VALUE}
     */
    public int reserveBlockIds(DatasetSchema schema, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one block id, not " + count);
        }
        while (true) {
            Long current = reservations.get(schema.mapName());
            DatasetSchema now = find(schema.name()).orElse(schema);
            long first = Math.max(current == null ? 0 : current, now.nextBlock());
            first = Math.max(first, schema.nextBlock());
            if (first + count > Integer.MAX_VALUE) {
                throw new GridlearnException("dataset '" + schema.name() + "' has used every block id; reload it");
            }
            boolean won = current == null
                    ? reservations.putIfAbsent(schema.mapName(), first + count) == null
                    : reservations.replace(schema.mapName(), current, first + count);
            if (won) {
                return (int) first;
            }
        }
    }

    /**
     * Removes a dataset; false when there was none of that name.
     *
     * @param name a dataset name
     * @return true when a dataset was removed (its schema, block map and block-id counter)
     */
    public boolean drop(String name) {
        String json = schemas.remove(name);
        if (json == null) {
            return false;
        }
        String mapName = parse(json).mapName();
        hz.getMap(mapName).destroy();
        if (hasMap(StagedBlocks.keysMapName(mapName))) {
            hz.getMap(StagedBlocks.keysMapName(mapName)).destroy();
        }
        reservations.delete(mapName);
        return true;
    }

    /**
     * Stages a dataset whose blocks other members write (a host map's conversion); nothing is visible until
     * {@link StagedBlocks#publish}.
     *
     * @param name      the new dataset's name ({@link DatasetSchema#checkName})
     * @param blockSize rows per block at most, 1 to 2^20
     * @return the staged, private block map and its source-key map
     * @throws io.gridlearn.BadInputException if the block size or the name is not allowed, or the name is taken
     */
    public StagedBlocks stage(String name, int blockSize) {
        if (blockSize < 1 || blockSize > 1 << 20) {
            throw new BadInputException("block size must be between 1 and 1048576 rows, was " + blockSize);
        }
        return new StagedBlocks(this, hz, name, blockSize);
    }

    /** Whether the grid holds a map of that name (created by a write, not merely named). */
    boolean hasMap(String mapName) {
        for (com.hazelcast.core.DistributedObject o : hz.getDistributedObjects()) {
            if (o instanceof IMap<?, ?> && o.getName().equals(mapName)) {
                return true;
            }
        }
        return false;
    }

    static String toJson(DatasetSchema schema) {
        try {
            return Json.mapper().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write schema of " + schema.name(), e);
        }
    }

    static DatasetSchema parse(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = Json.mapper().readTree(json);
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("nextBlock")) {
                // written before removals existed: the record derives layout 0 … blocks − 1 and nextBlock = blocks
                o.put("nextBlock", 0);
            }
            return Json.mapper().treeToValue(node, DatasetSchema.class);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("corrupt dataset schema in the grid: " + e.getOriginalMessage(), e);
        }
    }
}
