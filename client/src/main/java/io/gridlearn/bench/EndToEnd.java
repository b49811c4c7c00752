package io.gridlearn.bench;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.grid.EmbeddedGrid;

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
 * Runs the {@link LinearJobs linear suite}, the {@link IterativeJobs iterative suite} or the {@link ScalingJobs
 * scaling suite} (its own grids of 1, 2, … members, no CSV) as the settings ask;
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

    /**
     * Runs the benchmark, logging progress and the correctness checks to {@code log}; returns what it measured.
     *
     * @param settings what to measure
     * @param log      the stream for progress lines and checks (the command's standard error)
     * @return the measurements and the checks that failed
     * @throws Exception when a job fails
     */
    public static BenchReport run(BenchmarkSettings settings, PrintStream log) throws Exception {
        Map<String, Object> machine = MachineInfo.describe();
        BenchReport report = new BenchReport(settings, machine, log);
        report.log("machine: %s", machine);
        new EndToEnd(settings, report).runSuites();
        return report;
    }

    /**
     * The commands suite ({@link CommandJobs}) against a running grid: whole commands, each a new client
     * process, next to their plain loops and, when {@code python} is given, scikit-learn.
     *
     * @param settings what to measure (rows, features)
     * @param global   the global options that reach the grid (--cluster, --cluster-name, --timeout)
     * @param python   the Python interpreter for scikit-learn's side, or null
     * @param log      the stream for progress lines and checks
     * @return the measurements and the checks that failed
     * @throws Exception when a command or job fails
     */
    public static BenchReport runCommands(BenchmarkSettings settings, List<String> global, String python,
                                          PrintStream log) throws Exception {
        Map<String, Object> machine = MachineInfo.describe();
        BenchReport report = new BenchReport(settings, machine, log);
        report.log("machine: %s", machine);
        Path dir = settings.tempDir() == null ? Files.createTempDirectory("gridlearn-benchmark")
                : Files.createTempDirectory(settings.tempDir(), "gridlearn-benchmark");
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            new CommandJobs(settings, report, global, python, pool).run(dir);
        } finally {
            pool.shutdownNow();
            deleteRecursively(dir);
        }
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
            if (settings.scaling()) {
                new ScalingJobs(settings, report, pool).run();
            }
        } finally {
            if (grid != null) {
                grid.close();
            }
            pool.shutdownNow();
            deleteRecursively(dir);
        }
    }

    /** The grid's members ({@link BenchGrid}: {@code members} members), started on first use. */
    private List<HazelcastInstance> members() {
        if (grid == null) {
            grid = BenchGrid.start(settings.members(), "", report);
        }
        return grid.members();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
