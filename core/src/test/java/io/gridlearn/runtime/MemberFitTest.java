package io.gridlearn.runtime;

import com.hazelcast.client.test.TestHazelcastFactory;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import io.gridlearn.testing.TestData;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fits driven by a member ({@link MemberFit}, {@link MemberFits}) from a thin client of in-process members: the
 * same model as the caller-driven {@link FitDriver}; the fit outlives its client and is followed again by
 * name; a driver member that leaves mid-fit costs nothing (the fit resumes on another member to the same bits);
 * Ctrl-C's cancellation stops at a checkpoint; errors come back as gridlearn's one-line errors.
 */
class MemberFitTest {
    private final TestHazelcastFactory factory = new TestHazelcastFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    private HazelcastInstance[] members(int n) {
        Config config = TestGrids.config();
        HazelcastInstance[] m = new HazelcastInstance[n];
        for (int i = 0; i < n; i++) {
            m[i] = factory.newHazelcastInstance(config);
        }
        return m;
    }

    private HazelcastInstance client(HazelcastInstance member) {
        return factory.newHazelcastClient(GridConfigs.clientConfig(member.getConfig().getClusterName(),
                List.of("127.0.0.1:5701")));
    }

    /** A logistic problem that L-BFGS solves to a 1e-12 tolerance in several iterations, each a checkpoint. */
    private static Map<String, Object> logistic(int maxIter) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("lambda", 1e-4);
        o.put("solver", "lbfgs");
        o.put("maxIter", maxIter);
        o.put("tol", 1e-12);
        o.put("target", "y");
        o.put("seed", 42L);
        o.put("missing", "error");
        return o;
    }

    /**
     * Lloyd iterations on Gaussian noise (no cluster structure) with 40 random initial centres and tolerance 0:
     * well over a hundred iterations, each a checkpoint, so a test can act while the fit runs.
     */
    private static Map<String, Object> kmeans() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("k", 40);
        o.put("init", "random");
        o.put("maxIter", 300);
        o.put("features", List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11"));
        o.put("seed", 42L);
        o.put("missing", "error");
        return o;
    }

    private static Map<String, Object> linear() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("target", "y");
        o.put("features", List.of("x0", "x1", "x2", "x3", "x4", "x5"));
        o.put("seed", 42L);
        o.put("missing", "error");
        return o;
    }

    private static ModelDocument inProcess(HazelcastInstance member, String algorithm, Map<String, Object> options,
                                           String name) {
        LearnerSpec spec = Learners.forAlgorithm(algorithm).spec(algorithm, new OptionValues(options));
        return FitDriver.fit(member, "noisy", name, spec, FitControl.quiet());
    }

    /** The model less what differs between two fits of the same data: name, version, time. */
    private static String parameters(ModelDocument m) {
        return ModelJson.write(m.withNameAndVersion(null, 0).withProvenance(null));
    }

    @Test
    void aMemberDrivenFitIsTheCallerDrivenFitAndPrintsItsProgress() {
        HazelcastInstance[] m = members(2);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 20, 1000);
        HazelcastInstance client = client(m[0]);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(lines, true, StandardCharsets.UTF_8);

        ModelDocument remote = MemberFits.run(client, new MemberFit("logistic", logistic(500), "noisy", "remote", false),
                true, progress, false);
        ModelDocument local = inProcess(m[1], "logistic", logistic(500), "local");
        assertEquals(parameters(local), parameters(remote));
        assertEquals("remote", remote.name());
        assertEquals(ModelStore.forInstance(client).current("remote").orElseThrow().version(), remote.version());
        assertTrue(remote.version() > 5, "an iterative fit publishes its checkpoints: " + remote.version());
        // progress lines are best effort (a topic): most of the checkpoints' lines arrive, each as the driver prints it
        String text = lines.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("remote: iteration 1 "), text);
        assertTrue(text.lines().filter(l -> l.startsWith("remote: iteration ")).count() >= remote.version() / 2, text);

        ModelDocument ols = MemberFits.run(client, new MemberFit("linear", linear(), "noisy", "ols", false), false,
                null, false);
        assertEquals(parameters(inProcess(m[1], "linear", linear(), "ols-local")), parameters(ols));
    }

    @Test
    void theFitOutlivesItsClientAndIsFollowedAgainByName() throws Exception {
        HazelcastInstance[] m = members(2);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 40, 1000);
        ModelDocument whole = inProcess(m[0], "kmeans", kmeans(), "whole");
        assertTrue(whole.version() > 30, "a fit of many checkpoints: " + whole.version());
        HazelcastInstance first = client(m[0]);
        CompletableFuture<ModelDocument> abandoned = CompletableFuture.supplyAsync(() -> MemberFits.run(first,
                new MemberFit("kmeans", kmeans(), "noisy", "outlives", false), true, null, false));
        ModelStore store = ModelStore.forInstance(m[0]);
        awaitVersion(store, "outlives", 2);
        first.shutdown(); // the caller goes away mid-fit
        assertThrows(Exception.class, () -> abandoned.get(30, TimeUnit.SECONDS));

        HazelcastInstance second = client(m[1]);
        assertTrue(String.valueOf(second.getMap(MemberFit.REGISTRY).get("outlives")).startsWith("running "),
                "the fit still runs after its client left");
        assertTrue(store.current("outlives").orElseThrow().version() < whole.version(), "not at its end yet");
        BadInputException twice = assertThrows(BadInputException.class, () -> MemberFits.run(second,
                new MemberFit("kmeans", kmeans(), "noisy", "outlives", false), true, null, false));
        assertTrue(twice.getMessage().contains("already being fit on member"), twice.getMessage());

        ModelDocument followed = MemberFits.attach(second, "outlives", null);
        assertEquals(parameters(whole), parameters(followed));
        assertEquals(whole.version(), followed.version(), "the same checkpoints, then the final model");
        assertTrue(String.valueOf(second.getMap(MemberFit.REGISTRY).get("outlives")).startsWith("done "));
        // attaching after the end gives the model; a name that was never fit is a one-line error
        assertEquals(parameters(whole), parameters(MemberFits.attach(second, "outlives", null)));
        assertThrows(BadInputException.class, () -> MemberFits.attach(second, "never", null));
    }

    @Test
    void aSecondCopyOfTheSameSubmissionFollowsTheRunningFitInsteadOfFailing() throws Exception {
        HazelcastInstance[] m = members(2);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 40, 1000);
        HazelcastInstance client = client(m[0]);
        // what Hazelcast does when a caller's connection drops mid-call: the same task delivered again
        MemberFit task = new MemberFit("kmeans", kmeans(), "noisy", "twice", false);
        CompletableFuture<ModelDocument> first = CompletableFuture.supplyAsync(() -> MemberFits.run(client, task, true,
                null, false));
        awaitVersion(ModelStore.forInstance(m[0]), "twice", 1);
        ModelDocument copy = MemberFits.run(client, task, true, null, false);
        ModelDocument original = first.get(60, TimeUnit.SECONDS);
        assertEquals(parameters(original), parameters(copy));
        assertEquals(original.version(), copy.version(), "one fit, not two");
        assertEquals(parameters(inProcess(m[1], "kmeans", kmeans(), "whole")), parameters(copy));
    }

    @Test
    void aDriverMemberThatLeavesMidFitCostsNothing() throws Exception {
        HazelcastInstance[] m = members(3);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 80, 1000);
        ModelDocument whole = inProcess(m[0], "kmeans", kmeans(), "whole");
        HazelcastInstance client = client(m[0]);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        CompletableFuture<ModelDocument> fit = CompletableFuture.supplyAsync(() -> MemberFits.run(client,
                new MemberFit("kmeans", kmeans(), "noisy", "moved", false), true,
                new PrintStream(lines, true, StandardCharsets.UTF_8), false));
        ModelStore store = ModelStore.forInstance(m[0]);
        awaitVersion(store, "moved", 1);
        String driver = String.valueOf(client.getMap(MemberFit.REGISTRY).get("moved")).split(" ")[1];
        HazelcastInstance victim = null;
        for (HazelcastInstance h : m) {
            if (h.getCluster().getLocalMember().getUuid().toString().equals(driver)) {
                victim = h;
            }
        }
        assertTrue(victim != null, "the registry names the driver member " + driver);
        victim.getLifecycleService().terminate();

        ModelDocument moved = fit.get(120, TimeUnit.SECONDS);
        assertEquals(parameters(whole), parameters(moved));
        String text = lines.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("moved: the member driving this fit left; resuming from version"), text);
    }

    @Test
    void cancellingStopsAtACheckpointFromWhichTheFitResumes() throws Exception {
        HazelcastInstance[] m = members(2);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 40, 1000);
        ModelDocument whole = inProcess(m[0], "kmeans", kmeans(), "whole");
        HazelcastInstance client = client(m[0]);
        CompletableFuture<ModelDocument> fit = CompletableFuture.supplyAsync(() -> MemberFits.run(client,
                new MemberFit("kmeans", kmeans(), "noisy", "stopped", false), true, null, false));
        ModelStore store = ModelStore.forInstance(m[0]);
        awaitVersion(store, "stopped", 2);
        assertTrue(MemberFits.cancel(client, "stopped"));
        Exception e = assertThrows(Exception.class, () -> fit.get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof GridlearnException && e.getCause().getMessage().contains("cancelled"),
                String.valueOf(e.getCause()));
        ModelDocument checkpoint = store.get("stopped");
        assertEquals(Boolean.FALSE, checkpoint.summary().get("converged"));
        assertFalse(MemberFits.cancel(client, "stopped"), "nothing runs any more");

        ModelDocument resumed = MemberFits.run(client, new MemberFit("kmeans", kmeans(), "noisy", "stopped",
                true), true, null, false);
        assertEquals(parameters(whole), parameters(resumed));
    }

    @Test
    void errorsOnTheMemberComeBackAsOneLineErrors() {
        HazelcastInstance[] m = members(1);
        TestData.writeNoisyLogistic(new DatasetCatalog(m[0]), 4, 1000);
        HazelcastInstance client = client(m[0]);
        Map<String, Object> o = logistic(50);
        o.put("target", "nope");
        BadInputException unknown = assertThrows(BadInputException.class, () -> MemberFits.run(client,
                new MemberFit("logistic", o, "noisy", "bad", false), true, null, false));
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
        BadInputException noData = assertThrows(BadInputException.class, () -> MemberFits.run(client,
                new MemberFit("logistic", logistic(50), "missing-dataset", "bad2", false), true, null, false));
        assertTrue(noData.getMessage().contains("missing-dataset"), noData.getMessage());
        assertTrue(String.valueOf(client.getMap(MemberFit.REGISTRY).get("bad2")).startsWith("failed 2 "),
                "a late attach sees the refusal");
        BadInputException late = assertThrows(BadInputException.class, () -> MemberFits.attach(client, "bad2", null));
        assertEquals(noData.getMessage(), late.getMessage());
    }

    private static void awaitVersion(ModelStore store, String name, long version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.current(name).map(ModelDocument::version).orElse(0L) < version) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint " + version + " of " + name + " within 60 s");
            Thread.sleep(5);
        }
    }

}
