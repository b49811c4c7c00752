package io.gridlearn.model;

import io.gridlearn.GridlearnException;
import io.gridlearn.pass.IterationListener;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Publishes every iteration of an iterative fit as a new version of a named model (compare-and-set from the
 * version it last published, so a concurrent writer is detected), prints progress, and stops the fit when
 * asked to (Ctrl-C). Each publish is one atomic compare-and-set of a complete document, so a stopped or
 * killed fit leaves the store at its last complete checkpoint, from which {@code --resume} continues.
 */
public final class CheckpointPublisher implements IterationListener {
    private final ModelStore store;
    private final String name;
    private final Map<String, Object> provenance;
    private final PrintStream progress;
    private final BooleanSupplier cancelled;
    private long version;
    private ModelDocument last;

    /**
     * @param store          the model store
     * @param name           the model's name
     * @param currentVersion the model's current version, from which the first iteration is published; 0 for none
     * @param provenance     the provenance written into every checkpoint
     * @param progress       a stream for one line per iteration, or null
     * @param cancelled      polled after every publish: when true the fit stops with a message
     */
    public CheckpointPublisher(ModelStore store, String name, long currentVersion, Map<String, Object> provenance,
                               PrintStream progress, BooleanSupplier cancelled) {
        this.store = store;
        this.name = name;
        this.version = currentVersion;
        this.provenance = provenance;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    @Override
    public void onIteration(ModelDocument checkpoint) {
        last = store.publish(name, version, checkpoint.withProvenance(provenance));
        version = last.version();
        if (progress != null) {
            Map<String, Object> s = checkpoint.summary();
            // the first iteration of some solvers has no change to report yet
            String change = s.get("change") == null ? "" : "  change " + s.get("change");
            progress.printf("%s: iteration %s  objective %s%s  (version %d)%n", name, s.get("iteration"),
                    s.get("objective"), change, version);
        }
        if (cancelled.getAsBoolean()) {
            throw new GridlearnException("fit of '" + name + "' cancelled after iteration " + checkpoint.summary()
                    .get("iteration") + "; the store holds that checkpoint as version " + version
                    + " (resume the fit to continue)");
        }
    }

    /**
     * The last published version (null before the first iteration).
     *
     * @return the last published document, or null
     */
    public ModelDocument last() {
        return last;
    }

    /**
     * The version last published.
     *
     * @return the version, or {@code currentVersion} before the first iteration
     */
    public long version() {
        return version;
    }
}
