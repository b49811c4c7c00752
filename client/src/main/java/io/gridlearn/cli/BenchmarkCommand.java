package io.gridlearn.cli;

import io.gridlearn.BadInputException;
import io.gridlearn.bench.BenchReport;
import io.gridlearn.bench.BenchmarkSettings;
import io.gridlearn.bench.EndToEnd;
import io.gridlearn.bench.HeapCheck;
import io.gridlearn.bench.ReportTable;
import io.gridlearn.data.csv.CsvOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gridlearn benchmark}: measures this machine with the end-to-end benchmark ({@link EndToEnd}) and prints
 * each job's grid seconds, plain-loop seconds and their ratio, the heap per stored value and the load rate.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Measure this machine: gridlearn's jobs on synthetic data in an embedded grid, each next to a plain-Java "
                + "loop doing the same arithmetic over one double[] on all cores, in the same run.",
        "",
        "  gridlearn benchmark [--rows N] [--cols D] [--members M] [--json]",
        "",
        "Jobs: load (the CSV into the grid), fit-linear-cholesky and fit-linear-qr (whole fits; the -pass jobs "
                + "are their fit pass alone), predict-into (predict --into), logistic-newton-iteration, "
                + "glm-irls-iteration (Poisson, log link; timed interleaved with its loop and the Newton pass) and "
                + "kmeans-iteration (one pass of each fit); then whole logistic and k-means fits, heap bytes per "
                + "value and bytes sent per pass. Each job runs once to warm up, then 3 times; the median is "
                + "reported. Every grid result is checked against its loop's. Progress and the checks go to "
                + "standard error; the CSV is written to a temporary directory and deleted.",
        "",
        "With --json, standard output is one document: {\"jobs\": [{\"name\", \"gridSeconds\", \"loopSeconds\", "
                + "\"ratio\", ...}, ...], \"bytesPerValue\", \"loadMBps\", \"settings\", \"machine\", \"details\", "
                + "\"checksPassed\", ...}. ratio = loop seconds / grid seconds (above 1: the grid is faster); "
                + "bytesPerValue = heap bytes per stored value per copy; loadMBps = the grid's CSV load rate.",
        "",
        "The default size needs about 2.5 GB of heap; if the JVM may use less, the command says so at once: "
                + "give it more (GRIDLEARN_JAVA_OPTS=-Xmx4g gridlearn benchmark) or choose a smaller --rows. It "
                + "takes minutes: 70 s at --rows 200000 on 2 cores, about five times that at the default size.",
        "",
        "With --cluster HOST:PORT (before the command) it measures what a user of that running grid waits for, "
                + "whole commands through a thin client: a CSV of --rows × --cols with eight separated clusters, a "
                + "regression target y and a binary target c is loaded, described, fitted (linear qr and cholesky, "
                + "logistic --lambda 1e-4, kmeans --k 8) and scored (predict --into), each command a new process run "
                + "once (first) and 3 times more (median), in rounds with the same job in plain Java in this "
                + "process and, with --sklearn PYTHON, scikit-learn's fit in a Python process (Debian's "
                + "python3-sklearn). Checks: the fits equal their loops', k-means reaches the generating partition's "
                + "inertia. Its JSON adds \"commands\": [{\"name\", \"firstSeconds\", \"seconds\", "
                + "\"secondsMinusStart\", \"loopSeconds\", \"loopOverCommand\", \"sklearnSeconds\", ...}].",
        "",
        "--suite scaling runs neither: the Cholesky fit (whole, and its fit pass alone) next to the loop on 1, 2, "
                + "... M members at --rows, then on M members at 250,000, 500,000, 1,000,000, 2,000,000 and "
                + "4,000,000 rows (sizes the heap cannot hold are skipped with a note), with seconds per million rows "
                + "and the least-squares line time = a + b·n; data written straight into the grid, no CSV. Its JSON "
                + "adds \"scaling\": {\"byMembers\": [{\"members\", \"rows\", \"gridSeconds\", \"loopSeconds\", "
                + "\"ratio\", ...}], \"byRows\": [{\"rows\", \"gridSeconds\", \"loopSeconds\", "
                + "\"secondsPerMillionRows\", ...}], \"linearFit\", ...}. 4,000,000 × 50 needs about 7 GB of heap.",
        "",
        "Exit status: 0 done; 2 a bad option or too little heap (the message names the option); 1 a grid result "
                + "disagreed with its loop, or any other failure.",
        ""})
final class BenchmarkCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + BenchmarkSettings.DEFAULT_ROWS,
            description = "Rows of synthetic data (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--cols", paramLabel = "D", defaultValue = "" + BenchmarkSettings.DEFAULT_FEATURES,
            description = "Feature columns; the target y is stored too (default ${DEFAULT-VALUE}).")
    int cols;

    @Option(names = "--members", paramLabel = "M",
            description = "Members of the embedded grid, in this process (default: the global --members, 3); the "
                    + "scaling suite runs on 1 ... M members, then its curve on M.")
    Integer members;

    @Option(names = "--json", description = "Print exactly one JSON document on standard output.")
    boolean json;

    @Option(names = "--suite", paramLabel = "SUITE", defaultValue = "all",
            description = "all, linear (load, linear fits, predict, memory, bytes per pass), iterative "
                    + "(logistic and k-means), scaling (the Cholesky fit on 1 ... M members and against n; not part "
                    + "of all) or, with --cluster, commands (the only one there) (default ${DEFAULT-VALUE}).")
    String suite;

    /** The scaling suite's curve sizes, for tests that need tiny ones; hidden from the help. */
    @Option(names = "--scaling-rows", paramLabel = "N,N,...", split = ",", hidden = true,
            description = "Row counts of the scaling suite's curve (default 250000,500000,1000000,2000000,4000000).")
    List<Integer> scalingRows;

    @Option(names = "--block-size", paramLabel = "B", defaultValue = "" + CsvOptions.DEFAULT_BLOCK_SIZE,
            description = "Rows per stored block (default ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "Where the temporary directory for the CSV is made (default: the system's; the CSV is "
                    + "about 10 bytes per value).")
    Path tempDir;

    @Option(names = "--sklearn", paramLabel = "PYTHON",
            description = "With --cluster: also time scikit-learn's fits of the same data, in this Python (e.g. "
                    + "/usr/bin/python3 with Debian's python3-sklearn).")
    String python;

    @Override
    public Integer call() throws Exception {
        if (!main.global.embedded()) {
            return commandsSuite();
        }
        if (python != null) {
            throw new BadInputException("--sklearn compares whole commands against a running grid: give --cluster HOST:PORT");
        }
        if (tempDir != null && !Files.isDirectory(tempDir)) {
            throw new BadInputException("--temp-dir " + tempDir + ": no such directory");
        }
        BenchmarkSettings settings = BenchmarkSettings.of(rows, cols, members != null ? members : main.global.members,
                blockSize, null, suite, scalingRows, tempDir);
        HeapCheck.require(settings, Runtime.getRuntime().maxMemory());
        return finish(EndToEnd.run(settings, main.err));
    }

    /** {@code --cluster}: whole commands against the user's grid ({@link EndToEnd#runCommands}). */
    private int commandsSuite() throws Exception {
        if (!suite.equals("all") && !suite.equals("commands")) {
            throw new BadInputException("with --cluster the benchmark runs whole commands (--suite commands); --suite "
                    + suite + " needs the embedded grid (leave out --cluster)");
        }
        if (members != null) {
            throw new BadInputException("--members sizes the embedded grid; with --cluster the grid is yours");
        }
        if (tempDir != null && !Files.isDirectory(tempDir)) {
            throw new BadInputException("--temp-dir " + tempDir + ": no such directory");
        }
        if (python != null && !Files.isExecutable(Path.of(python))) {
            throw new BadInputException("--sklearn " + python + ": not an executable file");
        }
        BenchmarkSettings settings = BenchmarkSettings.of(rows, cols, 1, blockSize, null, "commands", null, tempDir);
        long needed = 3L * rows * (cols + 1) * Double.BYTES + (64L << 20);
        if (Runtime.getRuntime().maxMemory() < needed) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "the commands suite holds the data "
                    + "three times in this JVM: %,d MB of heap needed, %,d MB allowed; give it more "
                    + "(GRIDLEARN_JAVA_OPTS=-Xmx%dg) or choose a smaller --rows", needed >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, (needed >> 30) + 1));
        }
        List<String> global = new java.util.ArrayList<>(List.of("--cluster", String.join(",", main.global.cluster),
                "--cluster-name", main.global.clusterName, "--timeout", main.global.timeout));
        return finish(EndToEnd.runCommands(settings, global, python, main.err));
    }

    private int finish(BenchReport report) {
        if (json) {
            Output.json(main.out, report.document());
        } else {
            ReportTable.print(report, main.out);
        }
        if (!report.failedChecks().isEmpty()) {
            main.err.println("gridlearn: benchmark: a grid result disagreed with its plain loop: "
                    + String.join("; ", report.failedChecks()));
            return 1;
        }
        return 0;
    }
}
