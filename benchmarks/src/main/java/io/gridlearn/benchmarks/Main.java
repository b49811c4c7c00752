package io.gridlearn.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridlearn.BadInputException;
import io.gridlearn.bench.BenchReport;
import io.gridlearn.bench.BenchmarkSettings;
import io.gridlearn.bench.EndToEnd;
import io.gridlearn.bench.ReportTable;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.util.Json;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The jar's entry point: {@code java -jar gridlearn-benchmarks.jar [JMH options]} runs the JMH suite,
 * {@code java -jar gridlearn-benchmarks.jar end-to-end [options]} runs the end-to-end benchmark
 * ({@link EndToEnd}, in the client module: {@code gridlearn benchmark} runs the same code). Going through
 * {@code -jar} matters for the end-to-end benchmark: the manifest's {@code Add-Opens} give the embedded
 * Hazelcast members the JDK internals they ask for, as a grid-node jar does. {@code gbt [options]} runs gridlearn's
 * gradient-boosted trees against XGBoost hist ({@link GbtBench}).
 *
 * <p>{@code end-to-end [--rows N] [--cols D] [--members M] [--block-size B] [--bytes-rows n1,n2]
 * [--suite all|linear|iterative|scaling] [--scaling-rows n1,n2,...] [--json]} prints the table on standard output and, with {@code --json}, one JSON
 * document as the last line; progress and the correctness checks go to standard error. Exit status 2 when a
 * grid result disagrees with its plain loop or an option is wrong.
 */
public final class Main {
    /** Kept so the level sticks (JUL holds loggers weakly). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private Main() {
    }

    /**
     * Runs the JMH suite, or with {@code end-to-end} as first argument the end-to-end benchmark, or with
     * {@code gbt} the gradient-boosted trees' job.
     *
     * @param args JMH options, or {@code end-to-end} and the end-to-end benchmark's options
     * @throws Exception when JMH or the benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("end-to-end")) {
            System.exit(endToEnd(List.of(args).subList(1, args.length)));
        } else if (args.length > 0 && args[0].equals("gbt")) {
            HAZELCAST_LOG.setLevel(Level.WARNING);
            System.exit(GbtBench.main(List.of(args).subList(1, args.length), System.out, System.err));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }

    private static int endToEnd(List<String> args) throws Exception {
        int rows = BenchmarkSettings.DEFAULT_ROWS;
        int cols = BenchmarkSettings.DEFAULT_FEATURES;
        int members = BenchmarkSettings.DEFAULT_MEMBERS;
        int block = CsvOptions.DEFAULT_BLOCK_SIZE;
        List<Long> bytesRows = null;
        List<Integer> scalingRows = null;
        boolean json = false;
        String suite = "all";
        BenchmarkSettings settings;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--rows" -> rows = Integer.parseInt(args.get(++i).replace("_", "").replace(",", ""));
                    case "--cols" -> cols = Integer.parseInt(args.get(++i));
                    case "--members" -> members = Integer.parseInt(args.get(++i));
                    case "--block-size" -> block = Integer.parseInt(args.get(++i));
                    case "--bytes-rows" -> bytesRows = Stream.of(args.get(++i).split(",")).map(Long::parseLong).toList();
                    case "--scaling-rows" -> scalingRows = Stream.of(args.get(++i).split(","))
                            .map(Integer::parseInt).toList();
                    case "--json" -> json = true;
                    case "--suite" -> suite = args.get(++i);
                    case "-h", "--help" -> {
                        System.out.println("end-to-end [--rows N] [--cols D] [--members M] [--block-size B] "
                                + "[--bytes-rows n1,n2] [--suite all|linear|iterative|scaling] [--scaling-rows n1,n2,...] [--json]");
                        return 0;
                    }
                    default -> throw new BadInputException("unknown argument " + args.get(i));
                }
            }
            settings = BenchmarkSettings.of(rows, cols, members, block, bytesRows, suite, scalingRows, null);
        } catch (BadInputException | NumberFormatException | IndexOutOfBoundsException e) {
            System.err.println("end-to-end: " + e.getMessage());
            return 2;
        }
        HAZELCAST_LOG.setLevel(Level.WARNING);
        BenchReport report = EndToEnd.run(settings, System.err);
        ReportTable.print(report, System.out);
        if (json) {
            System.out.println(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report.document()));
        }
        if (!report.failedChecks().isEmpty()) {
            System.err.println("[benchmark] CORRECTNESS CHECK FAILED: " + String.join("; ", report.failedChecks()));
            return 2;
        }
        return 0;
    }
}
