package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.model.CheckpointPublisher;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.IterationListener;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.util.Versions;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an iterative learner against the grid: every iteration is published as a version of the model
 * (compare-and-set), progress goes to standard error, Ctrl-C stops after the current iteration with the store
 * at a complete checkpoint, and {@code --resume} continues from the latest checkpoint of that name.
 */
final class IterativeFit {
    /** One learner, bound to its options and columns. */
    @FunctionalInterface
    interface Trainer {
        ModelDocument fit(PassRunner runner, IterationListener listener, ModelDocument resumeFrom);
    }

    private IterativeFit() {
    }

    static ModelDocument run(HazelcastInstance hz, String dataset, String algorithm, String name, boolean resume,
                             Map<String, Object> options, long seed, Trainer trainer, PrintStream err) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(dataset);
        ModelStore store = ModelStore.forInstance(hz);
        ModelDocument current = store.current(name).orElse(null);
        ModelDocument resumeFrom = null;
        if (resume) {
            if (current == null) {
                throw new BadInputException("--resume: there is no model '" + name + "' to resume");
            }
            if (!algorithm.equals(current.algorithm())) {
                throw new BadInputException("--resume: model '" + name + "' is a " + current.algorithm()
                        + " model, not " + algorithm);
            }
            // --missing decides which rows the fit sees: it is part of the fit's identity, like the dataset
            Object was = current.provenance() != null && current.provenance().get("options") instanceof Map<?, ?> o
                    ? o.get("missing") : null;
            Object now = options.get("missing");
            if (now != null && !now.equals(was == null ? "error" : was)) {
                throw new BadInputException("--resume: model '" + name + "' was fit with --missing "
                        + (was == null ? "error" : was) + ", not " + now + "; resume with the same --missing");
            }
            resumeFrom = current;
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", schema.name());
        provenance.put("fingerprint", schema.fingerprint());
        provenance.put("rows", schema.rows());
        provenance.put("options", options);
        provenance.put("seed", seed);
        provenance.put("libraryVersion", Versions.library());
        provenance.put("createdAt", Instant.now().toString());

        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                done.await(60, TimeUnit.SECONDS); // let the current iteration publish a complete checkpoint
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gridlearn-fit-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CheckpointPublisher publisher = new CheckpointPublisher(store, name,
                    current == null ? 0 : current.version(), provenance, err, cancelled::get);
            ModelDocument last = trainer.fit(new GridPassRunner(catalog, schema), publisher, resumeFrom);
            long version = publisher.version();
            ModelDocument published = publisher.last();
            if (published == null || !sameParameters(published, last)) {
                // the final model differs from the last checkpoint (final metrics, or nothing was iterated)
                published = store.publish(name, version, last.withProvenance(provenance));
            }
            return published;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it was what stopped us
            }
        }
    }

    private static boolean sameParameters(ModelDocument a, ModelDocument b) {
        return io.gridlearn.model.ModelJson.write(a.withNameAndVersion(null, 0).withProvenance(null))
                .equals(io.gridlearn.model.ModelJson.write(b.withNameAndVersion(null, 0).withProvenance(null)));
    }
}
