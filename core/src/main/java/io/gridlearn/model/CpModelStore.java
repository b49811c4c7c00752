package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.GridDeadline;

/**
 * Models in the CP Subsystem: one {@code IAtomicReference<String>} per model name holding the current
 * version's JSON. With 3 or more CP members the reference lives in a Raft group and compare-and-set is
 * linearizable (survives the loss of a minority of CP members; {@link CpHealer} replaces lost CP members). With
 * none, Hazelcast would run CP in "unsafe mode"; gridlearn grids configured so use {@link MapModelStore} instead
 * ({@link ModelStoreMode}), and reach this class only through {@link SwitchingModelStore}.
 */
final class CpModelStore extends AbstractModelStore {
    private static final String PREFIX = "gridlearn.model.";
    /** The store, as {@link io.gridlearn.grid.GridTimeoutException} names it. */
    static final String WHAT = "the model store (CP Subsystem)";
    private final HazelcastInstance hz;

    CpModelStore(HazelcastInstance hz) {
        super(hz);
        this.hz = hz;
    }

    @Override
    String read(String name) {
        // creating the proxy is a CP call too (CPGroup.CreateCPGroup): both wait at most the grid's deadline
        return GridDeadline.call(WHAT, () -> hz.getCPSubsystem().<String>getAtomicReference(PREFIX + name).get());
    }

    @Override
    boolean compareAndSet(String name, String expectedJson, String newJson) {
        return GridDeadline.call(WHAT, () -> hz.getCPSubsystem().<String>getAtomicReference(PREFIX + name)
                .compareAndSet(expectedJson, newJson));
    }

    @Override
    public String kind() {
        return "cp-atomic-reference";
    }
}
