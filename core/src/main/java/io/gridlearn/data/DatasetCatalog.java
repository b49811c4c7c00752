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

    public DatasetCatalog(HazelcastInstance hz) {
        this.hz = hz;
        this.schemas = hz.getMap(GridConfigs.DATASETS_MAP);
    }

    public HazelcastInstance instance() {
        return hz;
    }

    /** Every dataset, by name. */
    public List<DatasetSchema> list() {
        List<DatasetSchema> out = new ArrayList<>();
        for (String json : schemas.values()) {
            out.add(parse(json));
        }
        out.sort(Comparator.comparing(DatasetSchema::name));
        return out;
    }

    public Optional<DatasetSchema> find(String name) {
        String json = schemas.get(name);
        return json == null ? Optional.empty() : Optional.of(parse(json));
    }

    /** The dataset's schema, or a clear error naming the datasets that do exist. */
    public DatasetSchema get(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(DatasetSchema::name).toList();
            return new BadInputException("unknown dataset '" + name + "'"
                    + (names.isEmpty() ? "; the grid has no datasets (load one first)" : "; known: " + String.join(", ", names)));
        });
    }

    /** The blocks of a dataset, keyed by block number. */
    public IMap<Integer, RowBlock> blocks(DatasetSchema schema) {
        return hz.getMap(schema.mapName());
    }

    /** A writer for a new dataset; nothing is visible until {@link BlockWriter#publish}. */
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

    /** Removes a dataset; false when there was none of that name. */
    public boolean drop(String name) {
        String json = schemas.remove(name);
        if (json == null) {
            return false;
        }
        hz.getMap(parse(json).mapName()).destroy();
        return true;
    }

    private static String toJson(DatasetSchema schema) {
        try {
            return Json.mapper().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write schema of " + schema.name(), e);
        }
    }

    private static DatasetSchema parse(String json) {
        try {
            return Json.mapper().readValue(json, DatasetSchema.class);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("corrupt dataset schema in the grid: " + e.getOriginalMessage(), e);
        }
    }
}
