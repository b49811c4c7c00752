package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command of an iterative fit is a separate {@code gridlearn} process, killed (SIGKILL) or stopped
 * (SIGTERM, as Ctrl-C) part way. With {@code --driver client} the process is the driver: the store keeps complete
 * checkpoints only, and {@code --resume} reaches the model an uninterrupted fit reaches, bit for bit. With the
 * default member driver, a killed command leaves the fit running on its member, to the same model, which
 * {@code gridlearn attach} follows; a stopped command stops the fit at a checkpoint, as before.
 */
@Tag("slow")
class DriverFailureTest {
    private EmbeddedGrid grid;
    private String clusterName;

    @AfterEach
    void tearDown() {
        if (grid != null) {
            grid.close();
        }
    }

    private String[] cluster(String... args) {
        List<String> all = new ArrayList<>(List.of("--cluster", String.join(",", grid.addresses()),
                "--cluster-name", clusterName));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    private static String[] fitArgs(String name, String... extra) {
        List<String> a = new ArrayList<>(List.of("fit", "logistic", "--data", "noisy", "--target", "y",
                "--lambda", "1e-4", "--standardize", "--solver", "lbfgs", "--tol", "1e-12", "--max-iter", "500",
                "--name", name, "--json"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    private JsonNode runInProcess(String... args) {
        Cli.Run r = Cli.client(String.join(",", grid.addresses()), clusterName, args);
        assertEquals(0, r.exit(), r.err());
        return r.json();
    }

    /** Starts the command line in its own JVM, waits until the store has passed {@code version}, then signals it. */
    private void startAndInterrupt(String name, long version, boolean kill) throws Exception {
        startAndSignal(name, version, kill, "--driver", "client");
        ModelStore store = ModelStore.forInstance(grid.first());
        ModelDocument cp = store.get(name);
        assertEquals(Boolean.FALSE, cp.summary().get("converged"), "the store holds a checkpoint, not a final model");
        assertEquals(cp.version(), store.history(name).size(), "every version is complete and in the history");
    }

    private void startAndSignal(String name, long version, boolean kill, String... extra) throws Exception {
        List<String> cmd = JavaProcesses.java(Main.class, List.of(), List.of(cluster(fitArgs(name, extra))));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ModelStore store = ModelStore.forInstance(grid.first());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (store.current(name).map(ModelDocument::version).orElse(0L) < version) {
            assertTrue(p.isAlive(), "the fit ended before it could be interrupted");
            assertTrue(System.nanoTime() < deadline, "no checkpoint within 2 minutes");
            Thread.sleep(20);
        }
        if (kill) {
            p.destroyForcibly(); // SIGKILL: the driver dies between two compare-and-sets
        } else {
            p.destroy(); // SIGTERM: the shutdown hook stops after the current iteration's checkpoint
        }
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the command did not stop");
    }

    @Test
    void aKilledOrStoppedDriverResumesToTheUninterruptedModel() throws Exception {
        clusterName = "driver-" + UUID.randomUUID().toString().substring(0, 8);
        grid = EmbeddedGrid.start(clusterName, 2, 0, 1, 5981);
        HazelcastInstance hz = grid.first();
        TestData.writeNoisyLogistic(new DatasetCatalog(hz), 100, 2000);

        JsonNode whole = runInProcess(fitArgs("whole"));
        assertTrue(whole.path("version").asInt() > 6, "a fit long enough to interrupt: " + whole.path("version"));

        startAndInterrupt("killed", 3, true);
        JsonNode resumed = runInProcess(fitArgs("killed", "--resume"));
        assertEquals(whole.path("coefficients").toString(), resumed.path("coefficients").toString());
        assertEquals(whole.path("intercept").asText(), resumed.path("intercept").asText());

        startAndInterrupt("stopped", 3, false);
        JsonNode resumed2 = runInProcess(fitArgs("stopped", "--resume"));
        assertEquals(whole.path("coefficients").toString(), resumed2.path("coefficients").toString());
    }

    @Test
    void aMemberDrivenFitOutlivesItsKilledCommandAndStopsWithAStoppedOne() throws Exception {
        clusterName = "driver-" + UUID.randomUUID().toString().substring(0, 8);
        grid = EmbeddedGrid.start(clusterName, 2, 0, 1, 5985);
        HazelcastInstance hz = grid.first();
        TestData.writeNoisyLogistic(new DatasetCatalog(hz), 100, 2000);
        JsonNode whole = runInProcess(fitArgs("whole"));

        startAndSignal("outlived", 2, true); // SIGKILL of the command: the member keeps fitting
        Cli.Run attached = Cli.client(String.join(",", grid.addresses()), clusterName, "attach", "outlived", "--json");
        assertEquals(0, attached.exit(), attached.err());
        assertEquals(whole.path("coefficients").toString(), attached.json().path("coefficients").toString());
        assertEquals(whole.path("version").asInt(), attached.json().path("version").asInt(),
                "the fit ran to its end: the same checkpoints and final model");

        startAndSignal("stopped", 2, false); // SIGTERM (Ctrl-C): the fit stops at a checkpoint
        ModelStore store = ModelStore.forInstance(hz);
        ModelDocument cp = store.get("stopped");
        assertEquals(Boolean.FALSE, cp.summary().get("converged"), "the store holds a checkpoint, not a final model");
        assertTrue(cp.version() < whole.path("version").asInt(), "stopped before the end");
        JsonNode resumed = runInProcess(fitArgs("stopped", "--resume"));
        assertEquals(whole.path("coefficients").toString(), resumed.path("coefficients").toString());
    }

}
