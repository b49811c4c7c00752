package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridDeadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every failure a user can provoke prints exactly one line on standard error, and no command waits on the grid
 * longer than {@code --timeout}: the whole of standard error is compared, not searched.
 */
class OneLineFailuresTest {
    private EmbeddedGrid grid;

    @AfterEach
    void tearDown() {
        if (grid != null) {
            grid.close();
        }
        GridDeadline.set(GridDeadline.DEFAULT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClientPointedWhereNothingListensGivesUpAtTheDeadlineInOneLine() throws IOException {
        int port = freePort();
        long t0 = System.nanoTime();
        Cli.Run r = Cli.run("--cluster", "127.0.0.1:" + port, "--cluster-name", "nobody", "--timeout", "2", "datasets");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.exit());
        assertEquals("", r.out());
        assertEquals("gridlearn: cannot connect to the grid at 127.0.0.1:" + port + " with cluster name 'nobody' within"
                + " 2 s: no member of that cluster answered there; start the members (gridlearn node) or check"
                + " --cluster, --cluster-name and the network, or raise --timeout\n", r.err());
        assertTrue(seconds < 15, "gave up after " + seconds + " s with --timeout 2");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Cli.Run r = Cli.run("--verbose", "--cluster", "127.0.0.1:" + freePort(), "--timeout", "1", "datasets");
        assertEquals(1, r.exit());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("gridlearn: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(r.err().contains("\tat io.gridlearn.cli.GridSession.open"), r.err());
    }

    @Test
    void aBadTimeoutIsOneLineOfBadUsage() {
        Cli.Run r = Cli.run("--timeout", "soon", "datasets");
        assertEquals(2, r.exit());
        assertEquals("gridlearn: --timeout (or GRIDLEARN_TIMEOUT) must be a number of seconds, was 'soon'"
                + " (see gridlearn --help)\n", r.err());
    }

    @Test
    void aUsageErrorIsOneLineNamingTheHelp() {
        Cli.Run r = Cli.run("fit");
        assertEquals(2, r.exit());
        assertEquals("gridlearn: Missing required parameter: 'ALGORITHM' (see gridlearn fit --help)\n", r.err());
        Cli.Run unknown = Cli.run("datasets", "--frobnicate");
        assertEquals(2, unknown.exit());
        assertEquals("gridlearn: Unknown option: '--frobnicate' (see gridlearn datasets --help)\n", unknown.err());
    }

    /**
     * A model store whose CP group cannot answer: two members started with a CP member count of three, so the CP
     * Subsystem never forms, and a CP call waits about 120 s on a member whatever the client's own timeouts (see
     * GridDeadline). Nothing switches the store here (no majority was lost: it never existed), so the command gives
     * up at --timeout with one line naming the store.
     */
    @Test
    void aModelStoreWhoseCpGroupCannotAnswerIsOneLineAtTheDeadline() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.gridlearn.grid.CpSupport.available(),
                "this Hazelcast build has no community CP Subsystem (5.5+): the map store has no CP group to lose");
        String clusterName = "cp-short-" + UUID.randomUUID().toString().substring(0, 8);
        grid = EmbeddedGrid.start(clusterName, 2, 3, 1, 6401);
        String address = "127.0.0.1:" + grid.first().getCluster().getLocalMember().getAddress().getPort();

        long t0 = System.nanoTime();
        Cli.Run r = Cli.client(address, clusterName, "--timeout", "3", "model", "show", "anything");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals("gridlearn: the model store (CP Subsystem) did not answer within 3 s: its CP group has no"
                + " majority (more CP members lost at once than it can spare, or fewer members up than the CP member"
                + " count); a grid that lost the majority switches its model store to the partitioned map within"
                + " seconds, so run the command again; datasets are unaffected and model versions stay in the"
                + " history map; see \"When the grid fails\" in docs/cli.md\n", r.err());
        assertTrue(seconds < 25, "gave up after " + seconds + " s with --timeout 3");
    }

    /**
     * Issue 15's failure: three CP members, two of them lost at once, on real members. The survivor switches the
     * grid's store to the partitioned map, rebuilt from the history, and the command line reads the model there.
     */
    @Test
    void aModelStoreWhoseCpGroupLostItsMajorityMovesToTheMapWithItsModels() {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.gridlearn.grid.CpSupport.available(),
                "this Hazelcast build has no community CP Subsystem (5.5+): the map store has no CP group to lose");
        String clusterName = "cp-lost-" + UUID.randomUUID().toString().substring(0, 8);
        grid = EmbeddedGrid.start(clusterName, 3, 3, 2, 6401);
        HazelcastInstance survivor = grid.members().get(0);
        io.gridlearn.model.ModelStore store = io.gridlearn.model.ModelStore.forInstance(survivor);
        store.publish("m", 0, new io.gridlearn.model.ModelDocument(io.gridlearn.model.ModelDocument.FORMAT, null, 0,
                "linear", "y", List.of("x"), 1.0, new double[] {2.0}, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of("createdAt", "now"), null));
        String address = "127.0.0.1:" + survivor.getCluster().getLocalMember().getAddress().getPort();
        grid.members().get(1).getLifecycleService().terminate();
        grid.members().get(2).getLifecycleService().terminate();

        com.hazelcast.test.HazelcastTestSupport.assertTrueEventually(
                () -> assertTrue(io.gridlearn.model.ModelStoreMode.switched(survivor) != null), 60);
        Cli.Run r = Cli.client(address, clusterName, "--timeout", "10", "model", "show", "m");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.json().get("version").asLong(), r.out());
        assertEquals(2.0, r.json().get("coefficients").get(0).asDouble(), 0.0, r.out());
    }

    /** The exceptions Hazelcast throws at a client, as they arrive (wrapped), each worded in one line. */
    @Test
    void hazelcastFailuresAreWordedInOneLine() {
        GridDeadline.set(java.time.Duration.ofSeconds(30));
        // the failure of issue 15: a fit's model publish when the CP majority was lost
        OperationTimeoutException cpTimeout = new OperationTimeoutException("ClientInvocation{clientMessage = "
                + "ClientMessage{connection=null, length=29, operation=CPGroup.CreateCPGroup, isRetryable=true}} timed "
                + "out because exception occurred after client invocation timeout 120000 ms.");
        cpTimeout.initCause(new MemberLeftException("Member [127.0.0.1]:5702 this has left cluster!"));
        assertLine("the model store (CP Subsystem) is unavailable (CPGroup.CreateCPGroup): its CP group has no"
                + " majority (more CP members lost at once than it can spare, or fewer members up than the CP member"
                + " count); a grid that lost the majority switches its model store to the partitioned map within"
                + " seconds, so run the command again; datasets are unaffected and model versions stay in the"
                + " history map; see \"When the grid fails\" in docs/cli.md",
                1, new RuntimeException(new ExecutionException(cpTimeout)));

        assertLine("the grid did not answer in time (Map.Get): a member is overloaded or unreachable; check the members,"
                + " then run the command again (raise --timeout, now 30 s, if the grid is only slow)", 1,
                new OperationTimeoutException("ClientInvocation{clientMessage = ClientMessage{operation=Map.Get}} timed out"));

        assertLine("a grid member left while the command ran (TargetDisconnectedException): run the command again once"
                + " the grid is stable; if members keep leaving, check their logs and heap", 1,
                new TargetDisconnectedException("Connection closed\nby the other side"));

        assertLine("lost the connection to the grid: its members stopped or the network split, and none came back"
                + " within 30 s; check that the members are up and reachable, then run the command again", 1,
                new HazelcastClientNotActiveException("Client is not active."));

        assertLine("the grid refused the operation: too few of its members can see each other (split-brain"
                + " protection); reconnect or restart the missing members, then run the command again", 1,
                new SplitBrainProtectionException("Split brain protection exception: q has size 1"));

        Failures.Verdict ser = Failures.of(new HazelcastSerializationException("There is no suitable de-serializer"
                + " for type 4799.\nThis exception is likely caused by differences in the serialization"));
        assertEquals(1, ser.exit());
        assertTrue(ser.line().startsWith("the grid could not read or write a value (There is no suitable de-serializer"
                + " for type 4799.): the client and the members must run the same gridlearn version (this is "), ser.line());
        assertTrue(ser.line().endsWith("); restart the members with this version's gridlearn-node.jar"), ser.line());
        assertFalse(ser.line().contains("\n"));

        assertLine("unexpected failure: java.lang.IllegalStateException: first line (run with --verbose for the stack"
                + " trace, and please report it)", 1, new IllegalStateException("first line\nsecond line"));
        assertLine("cannot write /x: No space left on device", 1,
                new io.gridlearn.GridlearnException("cannot write /x:\n No space left on device"));
    }

    private static void assertLine(String expected, int exit, Throwable ex) {
        Failures.Verdict v = Failures.of(ex);
        assertEquals(expected, v.line());
        assertEquals(exit, v.exit());
    }

    @Test
    void progressToAFileIsALineEveryFiveSecondsWithoutCarriageReturns() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(err, "big.csv", false);
        long t0 = System.nanoTime();
        long total = 100_000_000L;
        for (int i = 0; i <= 120; i++) { // 12 s of updates, ten a second
            bar.progress(Math.min(total, i * total / 120), total, t0 + i * 100_000_000L);
        }
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text); // at 5 s, at 10 s, and the end
        assertTrue(lines.get(0).startsWith("big.csv:  42% of 100.0 MB, "), text);
        assertTrue(lines.get(2).startsWith("big.csv: 100% of 100.0 MB, "), text);
    }

    @Test
    void progressOnATerminalRedrawsInPlace() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(err, "big.csv", true);
        long t0 = System.nanoTime();
        for (int i = 0; i <= 30; i++) {
            bar.progress(i, 30, t0 + i * 100_000_000L);
        }
        String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\r"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "frames end with one newline at 100%: " + text);
        assertEquals(text.length() - 1, text.lastIndexOf('\n'), text);
        assertTrue(text.chars().filter(c -> c == '\r').count() > 5, text);
    }
}
