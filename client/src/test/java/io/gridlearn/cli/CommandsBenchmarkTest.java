package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridlearn.cli.Cli.Run;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.grid.EmbeddedGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn --cluster HOST:PORT benchmark} against two real members: every command runs as a new client
 * process, its results agree with the plain loops (the fits' coefficients and objective, k-means at the
 * generating partition's inertia), the JSON has every command with its times and ratios, and the datasets it
 * made are dropped. Structure and correctness only, never speed: a few thousand rows on a shared machine time
 * the JVM starts, nothing else.
 */
@Tag("slow")
class CommandsBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMMANDS = List.of("load", "describe", "fit-linear-qr", "fit-linear-cholesky",
            "fit-logistic", "fit-kmeans", "predict-into");

    @TempDir
    Path tmp;
    private EmbeddedGrid grid;

    @AfterEach
    void stop() {
        if (grid != null) {
            grid.close();
        }
    }

    @Test
    void everyCommandIsTimedNextToItsLoopAndAgreesWithIt() throws Exception {
        String clusterName = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        grid = EmbeddedGrid.start(clusterName, 2, 0, 1, 6421);
        String address = grid.first().getCluster().getLocalMember().getAddress().getHost() + ":"
                + grid.first().getCluster().getLocalMember().getAddress().getPort();
        Run r = Cli.run("--cluster", address, "--cluster-name", clusterName, "benchmark", "--rows", "3000",
                "--cols", "4", "--json", "--temp-dir", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("commands", doc.get("settings").get("suite").asText());
        assertTrue(doc.get("checksPassed").asBoolean(), "failed checks: " + doc.get("failedChecks") + "\n" + r.err());
        double start = doc.get("details").get("commandStartSeconds").asDouble();
        assertTrue(start > 0, "the start of a command that only asks the grid: " + start);
        Set<String> names = new HashSet<>();
        for (JsonNode c : doc.get("commands")) {
            String name = c.get("name").asText();
            names.add(name);
            double seconds = c.get("seconds").asDouble();
            assertTrue(seconds > 0 && c.get("firstSeconds").asDouble() > 0, name + ": " + c);
            assertEquals(seconds - start, c.get("secondsMinusStart").asDouble(), 1e-12, name);
            if (!name.equals("describe")) {
                double loop = c.get("loopSeconds").asDouble();
                assertTrue(loop > 0, name + " loopSeconds: " + c);
                assertEquals(loop / (seconds - start), c.get("loopOverCommand").asDouble(),
                        1e-12 * Math.abs(loop / (seconds - start)), name);
            }
            assertTrue(!c.has("sklearnSeconds"), "no scikit-learn without --sklearn: " + c);
        }
        assertEquals(Set.copyOf(COMMANDS), names);
        for (String check : List.of("fit linear --solver qr coefficients", "fit linear --solver cholesky coefficients",
                "fit logistic objective", "fit kmeans reaches the optimum")) {
            assertTrue(r.err().contains("check commands " + check), "check line for " + check + ": " + r.err());
        }
        JsonNode kmeans = doc.get("commands").get(COMMANDS.indexOf("fit-kmeans"));
        // At 4 features two of the eight centres can lie close enough for Lloyd to move a few rows between them,
        // so the fit may end slightly below the generating partition's inertia; a wrong clustering is far above it.
        double ratio = kmeans.get("inertiaOverOptimum").asDouble();
        assertTrue(ratio <= 1 + 1e-9 && ratio > 0.99, "k-means finds the eight clusters: inertia / optimum " + ratio);
        assertTrue(new DatasetCatalog(grid.first()).list().stream().noneMatch(d -> d.name().startsWith("bench-commands")),
                "the benchmark's datasets are dropped: " + new DatasetCatalog(grid.first()).list());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the temporary directory is deleted");
        }
    }
}
