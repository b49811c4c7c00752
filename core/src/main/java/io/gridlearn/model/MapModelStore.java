package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;

/**
 * Models in a {@code BINARY} {@code IMap}: compare-and-set is {@code putIfAbsent} for a new name and
 * {@code replace(key, expected, new)} after that, both atomic per key on the owning partition. In
 * {@code BINARY} format {@code replace} compares serialized bytes, which for JSON strings means equal
 * documents. Survives member loss through backups; like any AP map, a network split can let both sides
 * accept a write.
 */
final class MapModelStore extends AbstractModelStore {
    private final IMap<String, String> current;

    MapModelStore(HazelcastInstance hz) {
        super(hz);
        this.current = hz.getMap(GridConfigs.MODEL_FALLBACK_MAP);
    }

    @Override
    String read(String name) {
        return current.get(name);
    }

    @Override
    boolean compareAndSet(String name, String expectedJson, String newJson) {
        if (expectedJson == null) {
            return current.putIfAbsent(name, newJson) == null;
        }
        return current.replace(name, expectedJson, newJson);
    }

    @Override
    public String kind() {
        return "imap-compare-and-set";
    }
}
