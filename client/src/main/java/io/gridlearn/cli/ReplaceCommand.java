package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetEditor;
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

@Command(name = "replace", description = {"Replace blocks of a dataset by the rows of a CSV (same header, any number of",
        "rows); the new rows get new block ids after the last one. Live models are updated."})
final class ReplaceCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--in", required = true, paramLabel = "DATASET", description = "The dataset to change.")
    String dataset;

    @Option(names = {"--blocks", "--block"}, required = true, paramLabel = "IDS",
            description = "The block ids to replace, e.g. 3 or 3,7-9.")
    String blocks;

    BlockIds ids;

    @Override
    void validate() {
        ids = BlockIds.parse(blocks);
    }

    @Override
    void run(HazelcastInstance hz) {
        List<ModelDocument> updated = new ArrayList<>();
        DatasetChange c = DatasetEditor.replaceCsv(new DatasetCatalog(hz), dataset, ids, file,
                new ProgressBar(err(), file.getFileName().toString()),
                change -> updated.addAll(LiveModelsOf.onChange(hz, change)));
        report(this, "replaced", c, updated);
    }

    /** Prints what a removal or replacement did. */
    static void report(GridCommand cmd, String verb, DatasetChange c, List<ModelDocument> updated) {
        List<Map<String, Object>> live = new ArrayList<>();
        for (ModelDocument m : updated) {
            live.add(Map.of("name", m.name(), "version", m.version()));
        }
        if (cmd.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", c.after().name());
            doc.put("blocksRemoved", c.removed().toString());
            doc.put("rowsRemoved", c.rowsRemoved());
            doc.put("blocksAdded", c.added().toString());
            doc.put("rowsAdded", c.rowsAdded());
            doc.put("rows", c.after().rows());
            doc.put("blocks", c.after().blocks());
            doc.put("layout", c.after().layout().toString());
            doc.put("liveModels", live);
            Output.json(cmd.out(), doc);
        } else {
            cmd.out().printf("%s blocks %s of %s (%d rows)%s; %d rows in blocks %s now; live models updated: %s%n",
                    verb, c.removed(), c.after().name(), c.rowsRemoved(),
                    c.added().isEmpty() ? "" : " by " + c.rowsAdded() + " rows in new blocks " + c.added(),
                    c.after().rows(), c.after().layout(), live);
        }
    }
}
