package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.KMeans;
import io.gridlearn.Linear;
import io.gridlearn.Model;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.node.GridNode;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code Gridlearn.on(client)} against two standalone grid nodes (separate JVMs started as
 * {@code gridlearn-node.jar} starts them): the typed API loads, fits and stores through a thin client, with the
 * statsmodels coefficients, and the same model bits as an embedded single-member grid.
 */
@Tag("slow")
class StandaloneNodesApiTest {
    private static final int PORT = 5991;

    @Test
    void typedApiThroughAThinClientOnStandaloneNodes() throws Exception {
        String cluster = "api-nodes-" + ProcessHandle.current().pid();
        String members = "127.0.0.1:" + PORT + ",127.0.0.1:" + (PORT + 1);
        List<Process> nodes = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Path log = Files.createTempFile("api-node-" + i, ".log");
                log.toFile().deleteOnExit();
                logs.add(log);
                List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "--add-modules", "jdk.incubator.vector"));
                jvm.addAll(JavaProcesses.HAZELCAST_JVM_OPTIONS);
                nodes.add(new ProcessBuilder(JavaProcesses.java(GridNode.class, jvm, List.of("--port",
                        String.valueOf(PORT + i), "--members", members, "--cluster-name", cluster)))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
            }
            for (int i = 0; i < 2; i++) {
                awaitLog(nodes.get(i), logs.get(i), "Members {size:2,");
            }
            HazelcastInstance client = HazelcastClient.newHazelcastClient(
                    GridConfigs.clientConfig(cluster, List.of(members.split(","))));
            Model remote;
            Model centres;
            try {
                Gridlearn gl = Gridlearn.on(client);
                Dataset boston = gl.loadCsv(Oracles.resource("boston.csv"), "boston", 64);
                remote = gl.fit(Linear.ols().target("medv"), boston);
                centres = gl.fit(KMeans.of(3).initRows(0, 50, 100).features("sepal_length", "sepal_width",
                        "petal_length", "petal_width"), gl.loadCsv(Oracles.resource("iris.csv"), "iris", 32));
                assertEquals(remote.toJson(), gl.models().get("boston-linear").toJson());
            } finally {
                client.shutdown();
            }
            var ols = Oracles.dataset("boston").path("ols");
            for (int j = 0; j < 13; j++) {
                assertTrue(relErr(remote.coefficients()[j], ols.path("coef").get(j).asDouble()) < 1e-10);
            }
            try (Gridlearn local = Gridlearn.embedded(1)) {
                Model embedded = local.fit(Linear.ols().target("medv"),
                        local.loadCsv(Oracles.resource("boston.csv"), "boston", 64));
                assertArrayEquals(embedded.coefficients(), remote.coefficients(), "same bits on any grid");
                assertEquals(embedded.intercept(), remote.intercept());
                Model km = local.fit(KMeans.of(3).initRows(0, 50, 100).features("sepal_length", "sepal_width",
                        "petal_length", "petal_width"), local.loadCsv(Oracles.resource("iris.csv"), "iris", 32));
                assertEquals(km.document().centers().length, centres.document().centers().length);
                for (int c = 0; c < 3; c++) {
                    assertArrayEquals(km.document().centers()[c], centres.document().centers()[c]);
                }
            }
        } finally {
            for (Process p : nodes) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitLog(Process node, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains(text)) {
            if (!node.isAlive()) {
                fail("node exited (" + node.exitValue() + ") before logging '" + text + "':\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                fail("node did not log '" + text + "' within 90 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }
}
