package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An iterative fit that reaches {@code --max-iter} is a result, not a failure (CONTRACT.md): the model is
 * published with {@code summary.converged: false}, one warning line goes to standard error, the exit status is
 * 0, and {@code --resume} with a larger limit reaches the uninterrupted fit's bits.
 */
class UnconvergedFitTest {
    private static HazelcastInstance member;
    private static String cluster;
    private static String address;

    @BeforeAll
    static void start() {
        cluster = "unconverged-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(cluster, "127.0.0.1", 5941, true, List.of("127.0.0.1:5941"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        Cli.Run load = Cli.client(address, cluster, "load", Oracles.resource("breast_cancer.csv").toString(),
                "--name", "bc", "--block-size", "64");
        assertEquals(0, load.exit(), load.err());
    }

    @AfterAll
    static void stop() {
        member.getLifecycleService().terminate();
    }

    private static Cli.Run fit(String name, String solver, int maxIter, boolean resume) {
        List<String> args = new java.util.ArrayList<>(List.of("fit", "logistic", "--data", "bc", "--lambda", "0.001",
                "--standardize", "--solver", solver, "--max-iter", String.valueOf(maxIter), "--name", name, "--json"));
        if (resume) {
            args.add("--resume");
        }
        return Cli.client(address, cluster, args.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"newton", "lbfgs"})
    void aFitStoppedByMaxIterIsPublishedWithAWarningAndResumesToTheSameBits(String solver) {
        Cli.Run whole = fit("whole-" + solver, solver, 500, false);
        assertEquals(0, whole.exit(), whole.err());
        JsonNode full = whole.json();
        assertEquals(true, full.path("summary").path("converged").asBoolean());
        int iterations = full.path("summary").path("iteration").asInt();
        assertTrue(iterations >= 3, "the test needs a fit of several iterations, had " + iterations);

        Cli.Run cut = fit("cut-" + solver, solver, 2, false);
        assertEquals(0, cut.exit(), cut.err());
        JsonNode partial = cut.json();
        assertEquals(false, partial.path("summary").path("converged").asBoolean());
        assertEquals(2, partial.path("summary").path("iteration").asInt());
        assertTrue(partial.path("metrics").path("train").has("accuracy"), "an unconverged model has its metrics");
        List<String> warnings = cut.err().lines().filter(l -> l.startsWith("gridlearn: warning:")).toList();
        assertEquals(1, warnings.size(), cut.err());
        assertTrue(warnings.get(0).contains("cut-" + solver + " did not converge in 2 iterations"), warnings.get(0));

        Cli.Run resumed = fit("cut-" + solver, solver, 500, true);
        assertEquals(0, resumed.exit(), resumed.err());
        JsonNode done = resumed.json();
        assertEquals(true, done.path("summary").path("converged").asBoolean());
        assertEquals(full.path("coefficients").toString(), done.path("coefficients").toString());
        assertEquals(full.path("intercept").asText(), done.path("intercept").asText());
    }
}
