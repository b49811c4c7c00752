package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.grid.CpSupport;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Named, versioned models. Every update is a compare-and-set from the version it was computed from, so a
 * writer that lost a race is told ({@link StaleModelException}) instead of silently overwriting; every
 * published version is also kept in a history map.
 *
 * <p>Two implementations pass the same contract tests: {@link CpModelStore} (the CP Subsystem's
 * {@code IAtomicReference}; linearizable with 3 or more CP members, kept at that number by {@link CpHealer}) and
 * {@link MapModelStore} (a per-key compare-and-set in a {@code BINARY} {@code IMap} with backups) for Hazelcast
 * builds without the CP Subsystem, grids configured without CP members, and grids whose CP group lost its
 * majority; {@link SwitchingModelStore} picks the one the grid has recorded ({@link ModelStoreMode}).
 */
public interface ModelStore {
    /** The allowed model names: 1 to 100 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    /**
     * The current version of a model, if there is one.
     *
     * @param name the model's name
     * @return the current version, or empty when there is none
     */
    Optional<ModelDocument> current(String name);

    /**
     * Publishes {@code model} as version {@code expectedVersion + 1} of {@code name} if and only if the
     * current version is {@code expectedVersion} (0: the name must be new).
     *
     * @param name            the model's name
     * @param expectedVersion the version the model was computed from, 0 for a new name
     * @param model           the document to publish, its name and version ignored
     * @return the published document, carrying its name and version
     * @throws StaleModelException if another writer published first
     */
    ModelDocument publish(String name, long expectedVersion, ModelDocument model);

    /**
     * Every recorded version, oldest first.
     *
     * @param name the model's name
     * @return every version, oldest first; empty when there is none
     */
    List<ModelDocument> history(String name);

    /**
     * Names of all models, sorted.
     *
     * @return the model names, in ascending order
     */
    List<String> names();

    /**
     * Which implementation, for logs and docs.
     *
     * @return the implementation's short name
     */
    String kind();

    /**
     * The current version or a clear error naming the models that exist.
     *
     * @param name the model's name
     * @return the current version
     */
    default ModelDocument get(String name) {
        return current(name).orElseThrow(() -> new BadInputException("unknown model '" + name + "'"
                + (names().isEmpty() ? "; the store is empty" : "; known: " + String.join(", ", names()))));
    }

    /**
     * Refuses a model name that does not match {@link #NAME}.
     *
     * @param name the model's name
     * @return {@code name}
     */
    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("model name '" + name + "' is not allowed: use 1 to 100 letters, digits, "
                    + "'_', '.' or '-', starting with a letter, digit or '_'");
        }
        return name;
    }

    /**
     * The store for this instance: where this Hazelcast build has the CP Subsystem, CP until the grid records
     * its switch to the map store ({@link ModelStoreMode}: no CP members configured, or a CP group lost its
     * majority), else the IMap store.
     *
     * @param hz a member or client of the grid
     * @return the store
     */
    static ModelStore forInstance(HazelcastInstance hz) {
        if (CpSupport.available()) {
            return new SwitchingModelStore(hz);
        }
        Logger.getLogger(ModelStore.class.getName()).info("Hazelcast " + CpSupport.version()
                + " has no community CP Subsystem: models use the IMap compare-and-set store");
        return new MapModelStore(hz);
    }
}
