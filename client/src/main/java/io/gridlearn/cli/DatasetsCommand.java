package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "datasets", description = "List datasets.")
final class DatasetsCommand extends GridCommand {
    @Override
    void run(HazelcastInstance hz) {
        List<DatasetSchema> all = new DatasetCatalog(hz).list();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (DatasetSchema s : all) {
                list.add(LoadCommand.summary(s));
            }
            Output.json(out(), Map.of("datasets", list));
            return;
        }
        for (DatasetSchema s : all) {
            out().printf("%-24s %10d rows %4d columns %6d blocks (%s)  %s%n", s.name(), s.rows(), s.columns().size(),
                    s.blocks(), s.layout(), s.source());
        }
    }
}
