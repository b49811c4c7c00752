package io.gridlearn.report;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.cli.DataSource;
import io.gridlearn.cli.GridSession;
import io.gridlearn.cli.ModelSource;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gridlearn report}: one self-contained HTML file with a model's summary and charts. */
@Command(name = "report", description = "Write a self-contained HTML report of a model: summary tables and the SVG charts "
        + "of its learner's report section (residuals, Q-Q, paths, objective per iteration, ROC, calibration, clusters, scree...).")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource model;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    DataSource.Choice data;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML file to write.")
    Path out;

    @Option(names = "--sample", defaultValue = "2000", paramLabel = "N", description = "Rows at most in sampled scatter plots (default ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Seed of the row sample (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--block-size", defaultValue = "4096", paramLabel = "ROWS", description = "Rows per block when loading --csv.")
    int blockSize;

    @picocli.CommandLine.Mixin
    io.gridlearn.cli.ModelKey modelKey = new io.gridlearn.cli.ModelKey();

    @Override
    public Integer call() {
        if (sample < 2 || sample > 100_000) {
            throw new BadInputException("--sample must be between 2 and 100000, was " + sample);
        }
        ModelDocument fileModel = model.file() != null
                ? modelKey.read(model.file(), line -> {
                    spec.commandLine().getErr().println(line);
                    spec.commandLine().getErr().flush();
                }) : null;
        if (model.name() != null) {
            ModelStore.checkName(model.name());
        }
        try (GridSession grid = ReportGrid.open(spec.parent())) {
            HazelcastInstance hz = grid.hz();
            ModelDocument m = fileModel != null ? fileModel : ModelStore.forInstance(hz).get(model.name());
            String dataset = resolve(hz);
            String html = new ModelReport(new GridReportContext(hz, m, dataset, fileModel == null, sample, seed)).render();
            write(out, html);
        }
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String resolve(HazelcastInstance hz) {
        if (data == null) {
            return null;
        }
        String dataset = DataSource.resolve(data, hz, blockSize, System.err);
        new DatasetCatalog(hz).get(dataset);
        return dataset;
    }

    /**
     * Writes a report file (UTF-8), creating parent folders.
     *
     * @param file the file to write, replaced if it exists; missing parent folders are created
     * @param html the page
     */
    public static void write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GridlearnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
