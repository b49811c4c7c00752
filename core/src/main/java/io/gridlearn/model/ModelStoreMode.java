package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.grid.GridConfigs;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Which store holds the grid's current model versions, recorded in the grid itself so that every member and
 * client uses the same one: the CP Subsystem until {@link #switchToMap} records the switch, the partitioned map
 * ({@link MapModelStore}, with backups) from then on. The switch is one-way and made once for the whole grid: the
 * first {@code putIfAbsent} of the flag wins and says so in one log line; a grid that has switched stays on the map
 * store until all its members are restarted.
 *
 * <p>Before the flag is set, the map store is rebuilt from the history map: for every model, the highest version
 * recorded there becomes the current one (never lowering one already in the map), so that versions do not go back.
 * A version whose history write was lost with its writer (a member or client that died between the store's
 * compare-and-set and the history write) is not in the history and cannot be recovered once CP is gone.
 */
public final class ModelStoreMode {
    private static final Logger LOG = Logger.getLogger(ModelStoreMode.class.getName());
    /** The flag's key in {@link GridConfigs#MODEL_STORE_MODE_MAP}; its value says why the grid switched. */
    static final String SWITCHED = "switched-to-map";
    /** The reason recorded by a member configured without CP members: expected, so not announced. */
    public static final String SMALL_GRID = "no CP members are configured (the small-grid mode)";
    private static final java.util.concurrent.atomic.AtomicBoolean ANNOUNCED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private ModelStoreMode() {
    }

    /**
     * Why the grid's model store switched to the map, or null while it is on the CP Subsystem.
     *
     * @param hz a member or client of the grid
     * @return the reason recorded with the switch, or null
     */
    public static String switched(HazelcastInstance hz) {
        return hz.<String, String>getMap(GridConfigs.MODEL_STORE_MODE_MAP).get(SWITCHED);
    }

    /**
     * Rebuilds the map store from the history map and records the switch, unless it is recorded already.
     *
     * @param hz     a member of the grid
     * @param reason why, for the log line and for {@link #switched}
     * @return true if this call recorded the switch, false if it had been recorded before
     */
    public static boolean switchToMap(HazelcastInstance hz, String reason) {
        IMap<String, String> mode = hz.getMap(GridConfigs.MODEL_STORE_MODE_MAP);
        if (mode.get(SWITCHED) != null) {
            return false;
        }
        int rebuilt = rebuild(hz);
        if (mode.putIfAbsent(SWITCHED, reason) != null) {
            return false;
        }
        String line = "the model store switched from the CP Subsystem to the partitioned map with backups, for the "
                + "whole grid: " + reason + "; " + rebuilt + " model" + (rebuilt == 1 ? "" : "s")
                + " carried over from the history map";
        if (SMALL_GRID.equals(reason)) {
            LOG.fine(line);
        } else if (ANNOUNCED.compareAndSet(false, true)) {
            LOG.warning(line);
        }
        return true;
    }

    /**
     * Says once per process that the grid's store has switched (not for the small-grid mode, which is expected).
     *
     * @param reason the reason recorded with the switch
     */
    static void announce(String reason) {
        if (!SMALL_GRID.equals(reason) && ANNOUNCED.compareAndSet(false, true)) {
            LOG.warning("the grid's model store is the partitioned map with backups, no longer the CP Subsystem: "
                    + reason);
        }
    }

    /** For every name in the history, raises the map store's current version to the history's highest. */
    static int rebuild(HazelcastInstance hz) {
        IMap<String, String> history = hz.getMap(GridConfigs.MODEL_HISTORY_MAP);
        IMap<String, String> current = hz.getMap(GridConfigs.MODEL_FALLBACK_MAP);
        Map<String, Long> highest = new HashMap<>();
        for (String key : history.keySet()) {
            int at = key.lastIndexOf('@');
            long v = Long.parseLong(key.substring(at + 1));
            highest.merge(key.substring(0, at), v, Math::max);
        }
        for (Map.Entry<String, Long> e : highest.entrySet()) {
            String name = e.getKey();
            String json = history.get(name + "@" + e.getValue());
            if (json == null) {
                continue;
            }
            while (true) { // compare-and-set: a publish on the map store may race a second rebuilder
                String now = current.get(name);
                if (now == null) {
                    if (current.putIfAbsent(name, json) == null) {
                        break;
                    }
                } else if (ModelJson.read(now, name).version() >= e.getValue() || current.replace(name, now, json)) {
                    break;
                }
            }
        }
        return highest.size();
    }
}
