package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --data DATASET | --csv FILE}: a dataset in the grid, or a CSV loaded into it first. */
public final class DataSource {
    /** The option group; commands embed it with {@code @ArgGroup(exclusive = true)}. */
    public static final class Choice {
        @Option(names = "--data", paramLabel = "DATASET", description = "A dataset in the grid.")
        String dataset;

        @Option(names = "--csv", paramLabel = "FILE", description = "A CSV file, loaded into the grid first (as a dataset named after the file).")
        Path csv;
    }

    private DataSource() {
    }

    /**
     * Runs {@code action} on the dataset of {@code choice} ({@link #resolve}). When the command loaded the
     * CSV itself and {@code action} then fails, the dataset is dropped again: a failed command leaves the grid
     * as it was (CONTRACT.md: a failed {@code fit} leaves nothing behind), and rerunning the same
     * {@code --csv} command does not meet "the grid already has a dataset".
     *
     * @param <T>       the action's result
     * @param choice    {@code --data} or {@code --csv}
     * @param hz        a member or client of the grid
     * @param blockSize rows per block when the CSV is loaded
     * @param err       the stream for the load's progress
     * @param action    what to do with the dataset's name
     * @return the action's result
     */
    public static <T> T using(Choice choice, HazelcastInstance hz, int blockSize, PrintStream err,
                              java.util.function.Function<String, T> action) {
        String dataset = resolve(choice, hz, blockSize, err);
        try {
            return action.apply(dataset);
        } catch (RuntimeException e) {
            if (choice.csv != null) {
                try {
                    new DatasetCatalog(hz).drop(dataset);
                } catch (RuntimeException dropFailed) {
                    e.addSuppressed(dropFailed);
                }
            }
            throw e;
        }
    }

    /**
     * The dataset name to use, loading the CSV first when one was given.
     *
     * @param choice    {@code --data} or {@code --csv}
     * @param hz        a member or client of the grid
     * @param blockSize rows per block when the CSV is loaded
     * @param err       the stream for the load's progress
     * @return the dataset's name in the grid
     */
    public static String resolve(Choice choice, HazelcastInstance hz, int blockSize, PrintStream err) {
        if (choice == null || (choice.dataset == null && choice.csv == null)) {
            throw new BadInputException("give the data: --data DATASET or --csv FILE");
        }
        if (choice.dataset != null) {
            return choice.dataset;
        }
        String stem = choice.csv.getFileName().toString().replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        if (stem.isEmpty() || stem.startsWith(".") || stem.startsWith("-")) {
            stem = "_" + stem;
        }
        if (new DatasetCatalog(hz).find(stem).isPresent()) {
            throw new BadInputException("--csv " + choice.csv + ": the grid already has a dataset '" + stem
                    + "'; use --data " + stem + ", or drop it first");
        }
        DatasetSchema s = LoadCommand.load(hz, choice.csv, stem, blockSize, err);
        return s.name();
    }
}
