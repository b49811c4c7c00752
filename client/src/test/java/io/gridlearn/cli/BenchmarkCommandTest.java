package io.gridlearn.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridlearn.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gridlearn benchmark} as a user scripts it: the shape of its JSON document at a tiny size, and its
 * refusal of bad options. It checks structure and the correctness checks only, never speed: the figures of a
 * 20,000-row run on a shared machine mean nothing.
 */
class BenchmarkCommandTest {
    /** Fails on anything after the first document, so "exactly one JSON document" is checked. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> REQUIRED_JOBS = List.of("load", "fit-linear-cholesky", "fit-linear-qr",
            "predict-into", "logistic-newton-iteration", "glm-irls-iteration", "kmeans-iteration");

    @TempDir
    Path tmp;

    private static Run run(String... args) {
        return Cli.run(args);
    }

    @Test
    void jsonHasEveryJobWithPositiveTimesAndTheRatio() throws IOException {
        Run r = run("benchmark", "--rows", "20000", "--cols", "5", "--members", "1", "--json", "--temp-dir", tmp.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc;
        try {
            doc = JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON document: " + r.out() + "\nstderr: " + r.err(), e);
        }
        Set<String> names = new HashSet<>();
        for (JsonNode job : doc.get("jobs")) {
            String name = job.get("name").asText();
            names.add(name);
            double grid = job.get("gridSeconds").asDouble();
            double loop = job.get("loopSeconds").asDouble();
            assertTrue(grid > 0 && Double.isFinite(grid), name + " gridSeconds " + grid);
            assertTrue(loop > 0 && Double.isFinite(loop), name + " loopSeconds " + loop);
            assertEquals(loop / grid, job.get("ratio").asDouble(), 1e-12 * (loop / grid), name + " ratio");
            if (name.equals("glm-irls-iteration")) {
                double newton = job.get("newtonSecondsSameRounds").asDouble();
                assertTrue(newton > 0 && Double.isFinite(newton), "the Newton pass timed in the IRLS job's rounds");
                assertEquals(newton / grid, job.get("newtonOverIrls").asDouble(), 1e-12 * (newton / grid));
            }
        }
        assertTrue(names.containsAll(REQUIRED_JOBS), "jobs " + names + " lack some of " + REQUIRED_JOBS);
        double bytesPerValue = doc.get("bytesPerValue").asDouble();
        double loadMBps = doc.get("loadMBps").asDouble();
        assertTrue(bytesPerValue > 0 && Double.isFinite(bytesPerValue), "bytesPerValue " + bytesPerValue);
        assertTrue(loadMBps > 0 && Double.isFinite(loadMBps), "loadMBps " + loadMBps);
        assertTrue(doc.get("checksPassed").asBoolean(), "failed checks: " + doc.get("failedChecks"));
        assertEquals(20000, doc.get("settings").get("rows").asInt());
        assertEquals(1, doc.get("settings").get("members").asInt());
        assertTrue(r.err().contains("check predict-into"), "progress and checks go to standard error: " + r.err());
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the temporary CSV directory is deleted");
        }
    }

    /**
     * {@code --suite scaling} at a tiny size (the hidden {@code --scaling-rows} replaces 250k … 4M): the
     * {@code scaling} document's two arrays and the line, structure and arithmetic only, never speed.
     */
    @Test
    void scalingSuiteJsonHasBothCurvesAndTheLine() throws IOException {
        Run r = run("benchmark", "--suite", "scaling", "--rows", "20000", "--scaling-rows", "10000,5000,20000",
                "--cols", "5", "--members", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("scaling", doc.get("settings").get("suite").asText());
        assertEquals(0, doc.get("jobs").size(), "the scaling suite runs no other job");
        assertTrue(doc.get("checksPassed").asBoolean(), "failed checks: " + doc.get("failedChecks"));
        JsonNode scaling = doc.get("scaling");
        JsonNode byMembers = scaling.get("byMembers");
        assertEquals(2, byMembers.size(), "1 and 2 members: " + byMembers);
        for (int i = 0; i < byMembers.size(); i++) {
            JsonNode e = byMembers.get(i);
            assertEquals(i + 1, e.get("members").asInt());
            assertEquals(20000, e.get("rows").asInt());
            assertTimesAndRatio(e);
        }
        JsonNode byRows = scaling.get("byRows");
        assertEquals(List.of(5000, 10000, 20000), byRows.findValues("rows").stream().map(JsonNode::asInt).toList(),
                "the curve's sizes, ascending");
        for (JsonNode e : byRows) {
            assertEquals(2, e.get("members").asInt(), "the curve runs on --members members");
            assertTimesAndRatio(e);
            assertEquals(e.get("gridSeconds").asDouble() / (e.get("rows").asDouble() / 1e6),
                    e.get("secondsPerMillionRows").asDouble(), 1e-9 * e.get("secondsPerMillionRows").asDouble());
            assertTrue(e.has("loopSecondsPerMillionRows") && e.has("passSeconds"), e.toString());
        }
        assertEquals(0, scaling.get("skippedRows").size(), "tiny sizes always fit: " + scaling.get("notes"));
        JsonNode line = scaling.get("linearFit").get("gridSeconds");
        double r2 = line.get("r2").asDouble();
        assertTrue(r2 <= 1 + 1e-12 && Double.isFinite(r2), "R² " + r2);
        assertTrue(Double.isFinite(line.get("interceptSeconds").asDouble()), line.toString());
        assertTrue(Double.isFinite(line.get("secondsPerMillionRows").asDouble()), line.toString());
        assertEquals(4.0, line.get("rowsRatioLargestToSmallest").asDouble(), 0);
        assertEquals(byRows.get(2).get("gridSeconds").asDouble() / byRows.get(0).get("gridSeconds").asDouble(),
                line.get("timeRatioLargestToSmallest").asDouble(), 1e-12);
        assertTrue(scaling.get("linearFit").has("loopSeconds"), scaling.get("linearFit").toString());
        assertTrue(r.err().contains("check scaling fit-linear-cholesky on 2 member(s), 20000 rows"), r.err());
    }

    private static void assertTimesAndRatio(JsonNode e) {
        double grid = e.get("gridSeconds").asDouble();
        double loop = e.get("loopSeconds").asDouble();
        assertTrue(grid > 0 && Double.isFinite(grid), "gridSeconds " + e);
        assertTrue(loop > 0 && Double.isFinite(loop), "loopSeconds " + e);
        assertEquals(loop / grid, e.get("ratio").asDouble(), 1e-12 * (loop / grid), "ratio " + e);
    }

    @Test
    void badOptionsExitTwoNamingTheOption() {
        for (String[] bad : List.of(new String[] {"--rows", "0", "--rows"}, new String[] {"--cols", "-1", "--cols"},
                new String[] {"--members", "0", "--members"}, new String[] {"--suite", "fast", "--suite"},
                new String[] {"--rows", "many", "--rows"},
                new String[] {"--scaling-rows", "50", "--scaling-rows"})) {
            Run r = run("benchmark", bad[0], bad[1], "--json");
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains(bad[2]), "the message names " + bad[2] + ": " + r.err());
            assertEquals("", r.out(), "nothing on standard output");
        }
    }

    /** The commands suite's options are checked before anything starts: no grid is needed to refuse them. */
    @Test
    void commandsSuiteRefusesOptionsOfTheEmbeddedSuites() {
        String[] cluster = {"--cluster", "127.0.0.1:1", "--timeout", "1"};
        for (String[] bad : List.of(new String[] {"--suite", "linear", "--suite"},
                new String[] {"--members", "2", "--members"},
                new String[] {"--sklearn", "/no/such/python", "--sklearn"})) {
            List<String> args = new java.util.ArrayList<>(List.of(cluster));
            args.addAll(List.of("benchmark", bad[0], bad[1], "--json"));
            Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains(bad[2]), "the message names " + bad[2] + ": " + r.err());
            assertEquals("", r.out(), "nothing on standard output");
        }
        Run r = run("benchmark", "--sklearn", "/usr/bin/python3", "--json");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--cluster"), "--sklearn needs a running grid: " + r.err());
    }

    @Test
    void helpShowsTheUsageAndTheJsonDocument() {
        Run r = run("benchmark", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("gridlearn benchmark [--rows N] [--cols D] [--members M] [--json]"), r.out());
        assertTrue(r.out().contains("\"gridSeconds\"") && r.out().contains("bytesPerValue"), r.out());
    }
}
