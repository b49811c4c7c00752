package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark: gridlearn's jobs on synthetic data in an embedded grid of real members on loopback,
 * each next to a plain-Java loop over the same data held in one {@code double[]}, in the same run, so the
 * ratios mean something on a machine whose absolute speed varies (BENCHMARKS.md has the measured figures).
 * Runs the {@link LinearJobs linear suite} and the {@link IterativeJobs iterative suite} as the settings ask;
 * every timed job runs once to warm up, then {@link Timing#REPEATS} times, the median reported. The CSV goes
 * to a temporary directory that is deleted afterwards, and the grid is shut down.
 *
 * <p>Used by {@code gridlearn benchmark} and by the benchmarks jar's {@code end-to-end} entry.
 */
public final class EndToEnd {
    private final BenchmarkSettings settings;
    private final BenchReport report;
    private EmbeddedGrid grid;

    private EndToEnd(BenchmarkSettings settings, BenchReport report) {
        this.settings = settings;
        this.report = report;
    }

    /** Runs the benchmark, logging progress and the correctness checks to {@code log}; returns what it measured. */
    public static BenchReport run(BenchmarkSettings settings, PrintStream log) throws Exception {
        Map<String, Object> machine = MachineInfo.describe();
        BenchReport report = new BenchReport(settings, machine, log);
        report.log("machine: %s", machine);
        new EndToEnd(settings, report).runSuites();
        return report;
    }

    private void runSuites() throws Exception {
        Path dir = settings.tempDir() == null ? Files.createTempDirectory("gridlearn-benchmark")
                : Files.createTempDirectory(settings.tempDir(), "gridlearn-benchmark");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            PlainLoops loops = new PlainLoops(settings.rows(), settings.features(), pool);
            if (settings.linear()) {
                new LinearJobs(settings, report, loops, this::members).run(dir.resolve("synthetic.csv"));
            }
            if (settings.iterative()) {
                new IterativeJobs(settings, report, loops).run(members().get(0));
            }
        } finally {
            if (grid != null) {
                grid.close();
            }
            pool.shutdownNow();
            deleteRecursively(dir);
        }
    }

    /**
     * The grid's members, started on first use: {@code members} members in this JVM under a private cluster
     * name, no CP members (no model store is used), {@link LinearJobs#BACKUPS} backup; waits until every
     * partition has its backups, so no migration runs during a measurement.
     */
    private List<HazelcastInstance> members() {
        if (grid == null) {
            grid = EmbeddedGrid.start("gridlearn-bench-" + ProcessHandle.current().pid(), settings.members(), 0,
                    LinearJobs.BACKUPS, GridSettings.DEFAULT_PORT);
            HazelcastInstance first = grid.first();
            if (first.getCluster().getMembers().size() != settings.members()) {
                throw new IllegalStateException("cluster has " + first.getCluster().getMembers().size() + " members");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!first.getPartitionService().isClusterSafe() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the grid started", e);
                }
            }
            report.log("grid: %d members on loopback, backup-count %d, OBJECT format", settings.members(),
                    LinearJobs.BACKUPS);
        }
        return grid.members();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
