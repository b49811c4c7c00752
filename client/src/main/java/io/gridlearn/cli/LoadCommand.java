package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.Missing;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.data.hostmap.FollowStatus;
import io.gridlearn.data.hostmap.HostMapFollow;
import io.gridlearn.data.hostmap.HostMapLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "load", description = "Ingest a CSV with a header row into the grid, or convert a map the grid "
        + "already holds (--from-map) where its entries live.")
final class LoadCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "FILE.csv", arity = "0..1", description = "The CSV to load (not with --from-map).")
    Path file;

    @Option(names = "--from-map", paramLabel = "MAP", description = "Convert this IMap of the grid (Compact, Portable, "
            + "DataSerializable or JSON values) on the members that own its entries, instead of loading a CSV.")
    String fromMap;

    @Option(names = "--columns", paramLabel = "PATH[,PATH...]", split = ",", description = "With --from-map: the "
            + "attribute paths to read, as Hazelcast's predicates read them (price, customer.segment); each names a column.")
    java.util.List<String> columns;

    @Option(names = "--missing", paramLabel = "error|skip", description = "With --from-map: a null value fails the "
            + "load naming map, key and path (error, the default) or its entry is left out (skip).")
    String missing;

    @Option(names = "--follow", description = "With --from-map: keep the dataset equal to the map through its event "
            + "journal (enabled by the host on the map); a follower on a member publishes the changes and keeps "
            + "running after this command ends. Stop it with: follow --stop DATASET (or drop the dataset).")
    boolean follow;

    @Option(names = "--publish-every", paramLabel = "MS", description = "With --follow: at least this many "
            + "milliseconds between two published changes, hence between two versions of each live model "
            + "(default 1000).")
    Long publishEvery;

    @Option(names = "--name", required = true, paramLabel = "DATASET", description = "Name of the new dataset.")
    String name;

    @Option(names = "--block-size", paramLabel = "ROWS", defaultValue = "4096",
            description = "Rows per block (default ${DEFAULT-VALUE}).")
    int blockSize;

    @Override
    void validate() {
        DatasetSchema.checkName(name);
        if (fromMap == null) {
            if (file == null) {
                throw new BadInputException("load: give a CSV file or --from-map MAP");
            }
            if (columns != null || missing != null || follow || publishEvery != null) {
                throw new BadInputException("load: " + (columns != null ? "--columns" : missing != null ? "--missing"
                        : follow ? "--follow" : "--publish-every") + " goes with --from-map, not with a CSV file");
            }
        } else {
            if (file != null) {
                throw new BadInputException("load: give a CSV file or --from-map MAP, not both");
            }
            if (columns == null || columns.isEmpty()) {
                throw new BadInputException("load --from-map " + fromMap + ": give the attribute paths to read with "
                        + "--columns PATH[,PATH...]");
            }
            missingRule();
            if (publishEvery != null && !follow) {
                throw new BadInputException("load --from-map: --publish-every goes with --follow");
            }
        }
    }

    private Missing missingRule() {
        if (missing == null || missing.equals("error")) {
            return Missing.ERROR;
        }
        if (missing.equals("skip")) {
            return Missing.SKIP;
        }
        throw new BadInputException("load --from-map: --missing is error or skip, was '" + missing + "'");
    }

    @Override
    void run(HazelcastInstance hz) {
        long every = publishEvery == null ? HostMapFollow.DEFAULT_INTERVAL_MS : publishEvery;
        DatasetSchema s = fromMap == null ? load(hz, file, name, blockSize, err())
                : follow ? HostMapFollow.start(hz, fromMap, name, columns, missingRule(), blockSize, every)
                : HostMapLoader.load(hz, fromMap, name, columns, missingRule(), blockSize);
        String member = follow ? HostMapFollow.status(hz, name).map(FollowStatus::member).orElse("?") : null;
        if (json) {
            Map<String, Object> doc = summary(s);
            if (follow) {
                doc.put("following", fromMap);
                doc.put("followerMember", member);
                doc.put("publishEveryMs", every);
            }
            Output.json(out(), doc);
        } else {
            out().printf("loaded %s: %d rows, %d columns, %d blocks%n", s.name(), s.rows(), s.columns().size(), s.blocks());
            if (follow) {
                out().printf("following map %s on member %s (a change at most every %d ms); stop with: follow --stop %s%n",
                        fromMap, member, every, s.name());
            }
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
