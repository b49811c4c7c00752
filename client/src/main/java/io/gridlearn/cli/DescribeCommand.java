package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.stats.ColumnSummary;
import io.gridlearn.stats.DatasetStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "describe", description = "Per-column statistics: count, missing, mean, sample variance, min, max.")
final class DescribeCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "DATASET")
    String name;

    @Option(names = "--html", description = "Write an HTML page with the statistics and a histogram per numeric column (needs --out).")
    boolean html;

    @Option(names = "--out", paramLabel = "FILE.html", description = "The HTML file written by --html.")
    java.nio.file.Path outFile;

    @Override
    void validate() {
        if (html != (outFile != null)) {
            throw new io.gridlearn.BadInputException("--html and --out go together: describe DATASET --html --out FILE.html");
        }
    }

    @Override
    void run(HazelcastInstance hz) {
        DatasetStatistics.Description d = DatasetStatistics.describe(new DatasetCatalog(hz), name);
        if (html) {
            io.gridlearn.report.ReportCommand.write(outFile, io.gridlearn.report.DescribeReport.render(hz, d));
            if (json) {
                Output.json(out(), toJson(d));
            } else {
                out().println("wrote " + outFile);
            }
            return;
        }
        if (json) {
            Output.json(out(), toJson(d));
            return;
        }
        out().printf("%s: %d rows in %d blocks of at most %d rows (block ids %s)%n", d.dataset(), d.rows(),
                d.layout().size(), d.blockSize(), d.layout());
        out().printf("%-20s %10s %8s %14s %14s %14s %14s%n", "column", "count", "missing", "mean", "variance", "min", "max");
        for (ColumnSummary c : d.columns()) {
            out().printf("%-20s %10d %8d %14s %14s %14s %14s%n", c.name(), c.count(), c.missing(), Output.num(c.mean()),
                    Output.num(c.variance()), Output.num(c.min()), Output.num(c.max()));
        }
    }

    static Map<String, Object> toJson(DatasetStatistics.Description d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", d.dataset());
        m.put("rows", d.rows());
        m.put("blocks", d.layout().size());
        m.put("layout", d.layout().toString());
        m.put("blockSize", d.blockSize());
        List<Map<String, Object>> cols = new ArrayList<>();
        for (ColumnSummary c : d.columns()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("count", c.count());
            cm.put("missing", c.missing());
            cm.put("mean", finiteOrNull(c.mean()));
            cm.put("variance", finiteOrNull(c.variance()));
            cm.put("min", finiteOrNull(c.min()));
            cm.put("max", finiteOrNull(c.max()));
            cols.add(cm);
        }
        m.put("columns", cols);
        return m;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
