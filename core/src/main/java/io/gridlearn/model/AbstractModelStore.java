package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parts both stores share: JSON encoding, version arithmetic and the history map. Subclasses supply
 * one atomic primitive: compare-and-set of the current document's JSON.
 */
abstract class AbstractModelStore implements ModelStore {
    private final IMap<String, String> history;

    AbstractModelStore(HazelcastInstance hz) {
        this.history = hz.getMap(GridConfigs.MODEL_HISTORY_MAP);
    }

    /** The current JSON, or null. */
    abstract String read(String name);

    /** Atomically replaces {@code expectedJson} (null: absent) by {@code newJson}; false if it changed. */
    abstract boolean compareAndSet(String name, String expectedJson, String newJson);

    @Override
    public Optional<ModelDocument> current(String name) {
        String json = read(ModelStore.checkName(name));
        return json == null ? Optional.empty() : Optional.of(ModelJson.read(json, "model store entry " + name));
    }

    @Override
    public ModelDocument publish(String name, long expectedVersion, ModelDocument model) {
        ModelStore.checkName(name);
        String currentJson = read(name);
        long actual = currentJson == null ? 0 : ModelJson.read(currentJson, name).version();
        if (actual != expectedVersion) {
            throw new StaleModelException(name, expectedVersion, actual);
        }
        ModelDocument next = model.withNameAndVersion(name, expectedVersion + 1);
        String nextJson = ModelJson.write(next);
        if (!compareAndSet(name, currentJson, nextJson)) {
            String now = read(name);
            if (nextJson.equals(now)) { // our own write, repeated after its member died (the client redoes it)
                history.set(key(name, next.version()), nextJson);
                return next;
            }
            throw new StaleModelException(name, expectedVersion, now == null ? 0 : ModelJson.read(now, name).version());
        }
        history.set(key(name, next.version()), nextJson);
        return next;
    }

    @Override
    public List<ModelDocument> history(String name) {
        ModelStore.checkName(name);
        List<ModelDocument> out = new ArrayList<>();
        Optional<ModelDocument> cur = current(name);
        long last = cur.map(ModelDocument::version).orElse(0L);
        for (long v = 1; v <= last; v++) {
            String json = history.get(key(name, v));
            if (json != null) {
                out.add(ModelJson.read(json, "history of " + name));
            } else if (v == last) {
                out.add(cur.get()); // published, history write not yet visible (or its writer died)
            }
        }
        out.sort(Comparator.comparingLong(ModelDocument::version));
        return out;
    }

    @Override
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (String k : history.keySet()) {
            names.add(k.substring(0, k.lastIndexOf('@')));
        }
        return new ArrayList<>(names);
    }

    private static String key(String name, long version) {
        return name + "@" + version;
    }
}
