package io.gridlearn.runtime;

import io.gridlearn.OptionException;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.CheckpointPublisher;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.util.Versions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs any {@link LearnerSpec} against the grid the same way: checks a resume request against the stored model,
 * records provenance, publishes every iteration as a checkpoint (compare-and-set), stops at a complete checkpoint
 * when cancelled, and publishes the final model as the next version of its name.
 *
 * <p>A resumed fit must be the same learner with the same {@code missing} rule (it decides which rows the fit
 * sees, so it is part of the fit's identity); it continues from the latest checkpoint and reaches the same bits
 * as an uninterrupted fit.
 */
public final class FitDriver {
    private FitDriver() {
    }

    /**
     * Fits {@code spec} on {@code dataset} and publishes the result as the next version of {@code name}.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @param name    the model's name in the store
     * @param spec    what to fit
     * @param control resume, progress and cancellation
     * @return the published model, with its name and version
     * @throws BadInputException for an unknown dataset, or a resume that does not match the stored model
     */
    public static ModelDocument fit(HazelcastInstance hz, String dataset, String name, LearnerSpec spec,
                                    FitControl control) {
        ModelStore.checkName(name);
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        ModelStore store = ModelStore.forInstance(hz);
        ModelDocument current = store.current(name).orElse(null);
        ModelDocument resumeFrom = control.resume() ? resumable(spec, name, current) : null;

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", schema.name());
        provenance.put("fingerprint", schema.fingerprint());
        provenance.put("rows", schema.rows());
        provenance.put("options", spec.provenanceOptions());
        provenance.put("seed", spec.seed());
        provenance.put("libraryVersion", Versions.library());
        provenance.put("createdAt", Instant.now().toString());

        AtomicBoolean exiting = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = control.stopOnExit() ? new Thread(() -> {
            exiting.set(true);
            try {
                done.await(60, TimeUnit.SECONDS); // let the current iteration publish a complete checkpoint
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gridlearn-fit-cancel") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            PrintStream text = control.progressText();
            CheckpointPublisher publisher = new CheckpointPublisher(store, name,
                    current == null ? 0 : current.version(), provenance, text,
                    () -> exiting.get() || control.cancelled().getAsBoolean());
            io.gridlearn.pass.IterationListener listener = control.progress() == null ? publisher : checkpoint -> {
                publisher.onIteration(checkpoint);
                control.progress().accept(publisher.last());
            };
            FitContext context = new FitContext(hz, catalog, schema, name, new GridPassRunner(catalog, schema),
                    listener, resumeFrom, provenance);
            ModelDocument last = spec.fit(context);
            ModelDocument published;
            if (spec.publishesItself()) {
                published = last;
            } else {
                published = publisher.last();
                if (published == null || !sameParameters(published, last)) {
                    // the final model differs from the last checkpoint (final metrics, or nothing was iterated)
                    published = store.publish(name, publisher.version(),
                            last.provenance() == null || spec.provenanceOptions() != null
                                    ? last.withProvenance(provenance) : last);
                }
            }
            return spec.afterPublish(context, published);
        } finally {
            done.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it was what stopped us
                }
            }
        }
    }

    private static ModelDocument resumable(LearnerSpec spec, String name, ModelDocument current) {
        if (!spec.resumable()) {
            throw OptionException.worded("{resume} is for learners that checkpoint every iteration; "
                    + spec.algorithm() + " is fit in one pass");
        }
        if (current == null) {
            throw OptionException.worded("{resume}: there is no model '" + name + "' to resume");
        }
        if (!spec.algorithm().equals(current.algorithm())) {
            throw OptionException.worded("{resume}: model '" + name + "' is a " + current.algorithm()
                    + " model, not " + spec.algorithm());
        }
        Object was = current.provenance() != null && current.provenance().get("options") instanceof Map<?, ?> o
                ? o.get("missing") : null;
        Object now = spec.provenanceOptions() == null ? null : spec.provenanceOptions().get("missing");
        if (now != null && !now.equals(was == null ? "error" : was)) {
            throw OptionException.worded("{resume}: model '" + name + "' was fit with {missing} "
                    + (was == null ? "error" : was) + ", not " + now + "; resume with the same {missing}");
        }
        return current;
    }

    private static boolean sameParameters(ModelDocument a, ModelDocument b) {
        return ModelJson.write(a.withNameAndVersion(null, 0).withProvenance(null))
                .equals(ModelJson.write(b.withNameAndVersion(null, 0).withProvenance(null)));
    }
}
