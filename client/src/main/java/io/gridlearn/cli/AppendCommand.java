package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.LiveModelsOf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "append", description = {"Append the rows of a CSV (same header) to a dataset; live models of that",
        "dataset are updated from the new rows alone and published as new versions."})
final class AppendCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "DATASET", description = "The dataset to append to.")
    String dataset;

    @Override
    void run(HazelcastInstance hz) {
        DatasetAppender.Appended a = DatasetAppender.appendCsv(new DatasetCatalog(hz), dataset, file,
                new ProgressBar(err(), file.getFileName().toString()));
        List<Map<String, Object>> live = new ArrayList<>();
        List<ModelDocument> updated = LiveModelsOf.onAppend(hz, a);
        for (ModelDocument m : updated) {
            live.add(Map.of("name", m.name(), "version", m.version()));
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", dataset);
            doc.put("rowsAdded", a.rowsAdded());
            doc.put("rows", a.after().rows());
            doc.put("liveModels", live);
            Output.json(out(), doc);
        } else {
            out().printf("appended %d rows to %s (%d rows now); live models updated: %s%n", a.rowsAdded(), dataset,
                    a.after().rows(), live);
        }
    }
}
