package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.Map;

@Command(name = "drop", description = "Remove a dataset.")
final class DropCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "DATASET")
    String name;

    @Override
    void run(HazelcastInstance hz) {
        if (!new DatasetCatalog(hz).drop(name)) {
            throw new BadInputException("unknown dataset '" + name + "'");
        }
        if (json) {
            Output.json(out(), Map.of("dropped", name));
        } else {
            out().println("dropped " + name);
        }
    }
}
