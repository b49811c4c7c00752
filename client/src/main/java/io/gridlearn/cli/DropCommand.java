package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.hostmap.HostMapFollow;
import io.gridlearn.runtime.LiveModelsOf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "drop", description = "Remove a dataset; its live models stop (their published versions stay), and so "
        + "does its follower (load --follow).")
final class DropCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "DATASET")
    String name;

    @Override
    void run(HazelcastInstance hz) {
        boolean followed = HostMapFollow.stop(hz, name); // before the drop, so no change lands meanwhile
        if (!new DatasetCatalog(hz).drop(name)) {
            throw new BadInputException("unknown dataset '" + name + "'");
        }
        // live models of the dropped data stop following it (their versions stay in the store)
        List<String> stopped = LiveModelsOf.unregisterDataset(hz, name);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dropped", name);
            doc.put("liveModelsStopped", stopped);
            doc.put("followerStopped", followed);
            Output.json(out(), doc);
        } else {
            out().println("dropped " + name + (stopped.isEmpty() ? "" : "; live models stopped: " + String.join(", ", stopped))
                    + (followed ? "; its map is no longer followed" : ""));
        }
    }
}
