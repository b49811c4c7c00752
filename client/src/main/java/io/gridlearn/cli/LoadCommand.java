package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.csv.CsvOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "load", description = "Ingest a CSV with a header row into the grid.")
final class LoadCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--name", required = true, paramLabel = "DATASET", description = "Name of the new dataset.")
    String name;

    @Option(names = "--block-size", paramLabel = "ROWS", defaultValue = "4096",
            description = "Rows per block (default ${DEFAULT-VALUE}).")
    int blockSize;

    @Override
    void validate() {
        DatasetSchema.checkName(name);
    }

    @Override
    void run(HazelcastInstance hz) {
        DatasetSchema s = load(hz, file, name, blockSize, err());
        if (json) {
            Output.json(out(), summary(s));
        } else {
            out().printf("loaded %s: %d rows, %d columns, %d blocks%n", s.name(), s.rows(), s.columns().size(), s.blocks());
        }
    }

    static DatasetSchema load(HazelcastInstance hz, Path file, String name, int blockSize, java.io.PrintStream err) {
        return CsvLoader.load(new DatasetCatalog(hz), file, name, CsvOptions.defaults().withBlockSize(blockSize),
                new ProgressBar(err, file.getFileName().toString()));
    }

    static Map<String, Object> summary(DatasetSchema s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", s.name());
        m.put("rows", s.rows());
        m.put("columns", s.columnNames());
        m.put("blocks", s.blocks());
        m.put("blockSize", s.blockSize());
        m.put("layout", s.layout().toString());
        m.put("fingerprint", s.fingerprint());
        return m;
    }
}
