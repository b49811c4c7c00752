package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.cli.Cli.Run;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input}, see its README): every case of
 * {@code cases.json} runs through the command line's entry point as a thin client of one member, and must
 * exit with the status it names (2), print every listed fragment on standard error and nothing on standard
 * output, and leave the grid as it was — the same datasets (name, rows, fingerprint), the same models and
 * versions, no new or missing {@code IMap} — and write no output file.
 */
class BadInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of(System.getProperty("user.dir"), "src/test/resources/bad-input");
    private static final String MAP_SERVICE = "hz:impl:mapService";

    private static HazelcastInstance member;
    private static String clusterName;
    private static String address;
    private static Path tmp;

    /** What a failed command must leave unchanged. */
    record GridState(Map<String, String> datasets, Map<String, Long> models, TreeSet<String> maps) {
    }

    @BeforeAll
    static void startMemberAndLoadFixtures() throws IOException {
        clusterName = "corpus-" + UUID.randomUUID().toString().substring(0, 8);
        member = Hazelcast.newHazelcastInstance(GridConfigs.memberConfig(
                new GridSettings(clusterName, "127.0.0.1", 5911, true, List.of("127.0.0.1:5911"), 0, 1)));
        address = "127.0.0.1:" + member.getCluster().getLocalMember().getAddress().getPort();
        tmp = Files.createTempDirectory("bad-input-corpus");
        for (JsonNode step : manifest().path("setup")) {
            Run r = client(args(step));
            assertEquals(0, r.exit(), "setup " + step + " failed: " + r.err());
        }
    }

    @AfterAll
    static void stopMember() throws IOException {
        member.getLifecycleService().terminate();
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(tmp);
    }

    static JsonNode manifest() throws IOException {
        return JSON.readTree(CORPUS.resolve("cases.json").toFile());
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (JsonNode c : manifest().path("cases")) {
            all.add(Arguments.of(c.path("name").asText(), c));
        }
        assertTrue(all.size() >= 20, "the corpus has " + all.size() + " cases");
        return all.stream();
    }

    private static String[] args(JsonNode list) {
        String[] a = new String[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).asText().replace("{corpus}", CORPUS.toString()).replace("{tmp}", tmp.toString());
        }
        return a;
    }

    private static Run client(String... args) {
        return Cli.client(address, clusterName, args);
    }

    private static GridState state() {
        Map<String, String> datasets = new TreeMap<>();
        for (DatasetSchema s : new DatasetCatalog(member).list()) {
            datasets.put(s.name(), s.rows() + " rows, " + s.fingerprint() + ", " + s.mapName());
        }
        Map<String, Long> models = new TreeMap<>();
        ModelStore store = ModelStore.forInstance(member);
        for (String name : store.names()) {
            models.put(name, store.current(name).map(ModelDocument::version).orElse(-1L));
            models.put(name + " (history)", (long) store.history(name).size());
        }
        TreeSet<String> maps = new TreeSet<>();
        for (DistributedObject o : member.getDistributedObjects()) {
            if (MAP_SERVICE.equals(o.getServiceName())) {
                maps.add(o.getName());
            }
        }
        return new GridState(datasets, models, maps);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedClearlyAndLeavesTheGridAsItWas(String name, JsonNode c) throws IOException {
        GridState before = state();
        assertTrue(before.datasets().containsKey("clean") && before.models().containsKey("corpus-model"),
                "the setup's fixtures are in the grid: " + before);
        Run r = client(args(c.path("args")));
        assertEquals(c.path("exit").asInt(), r.exit(), name + ": exit status; stderr: " + r.err());
        for (JsonNode fragment : c.path("stderr")) {
            assertTrue(r.err().contains(fragment.asText()),
                    name + ": the message does not contain \"" + fragment.asText() + "\": " + r.err());
        }
        assertTrue(r.err().startsWith("gridlearn: ") && !r.err().contains("\tat "),
                name + ": one message, no stack trace: " + r.err());
        assertEquals("", r.out(), name + ": nothing on standard output");
        assertEquals(before, state(), name + ": the grid changed");
        try (Stream<Path> written = Files.list(tmp)) {
            assertEquals(List.of(), written.toList(), name + ": an output file was written");
        }
    }
}
