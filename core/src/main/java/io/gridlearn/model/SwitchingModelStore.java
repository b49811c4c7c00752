package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store of a grid whose Hazelcast build has the CP Subsystem: {@link CpModelStore} until the grid records the
 * switch to the map ({@link ModelStoreMode}), {@link MapModelStore} from then on. Every call reads the flag first
 * (one map lookup; once seen set, it is not read again, the switch being one-way), so that no two clients of one
 * grid use different stores. A call that failed on CP because the grid switched while it waited (the CP group lost
 * its majority) is made again on the map store.
 */
final class SwitchingModelStore implements ModelStore {
    private final HazelcastInstance hz;
    private final CpModelStore cp;
    private final MapModelStore map;
    private volatile boolean onMap;

    SwitchingModelStore(HazelcastInstance hz) {
        this.hz = hz;
        this.cp = new CpModelStore(hz);
        this.map = new MapModelStore(hz);
    }

    private ModelStore active() {
        if (!onMap) {
            String why = ModelStoreMode.switched(hz);
            if (why != null) {
                onMap = true;
                ModelStoreMode.announce(why);
            }
        }
        return onMap ? map : cp;
    }

    private <T> T call(Function<ModelStore, T> op) {
        ModelStore store = active();
        try {
            return op.apply(store);
        } catch (StaleModelException | BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            if (store == cp && active() == map) {
                return op.apply(map);
            }
            throw e;
        }
    }

    @Override
    public Optional<ModelDocument> current(String name) {
        return call(s -> s.current(name));
    }

    @Override
    public ModelDocument publish(String name, long expectedVersion, ModelDocument model) {
        return call(s -> s.publish(name, expectedVersion, model));
    }

    @Override
    public List<ModelDocument> history(String name) {
        return call(s -> s.history(name));
    }

    @Override
    public List<String> names() {
        return call(ModelStore::names);
    }

    @Override
    public String kind() {
        return active().kind();
    }
}
