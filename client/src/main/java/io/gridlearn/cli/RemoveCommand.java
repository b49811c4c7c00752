package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetEditor;
import io.gridlearn.runtime.LiveModelsOf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

@Command(name = "remove", description = {"Remove blocks from a dataset (see `datasets` or `describe` for its block ids);",
        "live linear models subtract the removed blocks' statistics and publish new versions."})
final class RemoveCommand extends GridCommand {
    @Option(names = "--from", required = true, paramLabel = "DATASET", description = "The dataset to remove blocks from.")
    String dataset;

    @Option(names = {"--blocks", "--block"}, required = true, paramLabel = "IDS",
            description = "Block ids and ranges, e.g. 3,7-9.")
    String blocks;

    BlockIds ids;

    @Override
    void validate() {
        ids = BlockIds.parse(blocks);
    }

    @Override
    void run(HazelcastInstance hz) {
        List<io.gridlearn.model.ModelDocument> updated = new ArrayList<>();
        DatasetChange c = DatasetEditor.removeBlocks(new DatasetCatalog(hz), dataset, ids,
                change -> updated.addAll(LiveModelsOf.onChange(hz, change)));
        ReplaceCommand.report(this, "removed", c, updated);
    }
}
