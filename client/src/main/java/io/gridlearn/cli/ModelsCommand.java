package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "models", description = "List the models in the store.")
final class ModelsCommand extends GridCommand {
    @Override
    void run(HazelcastInstance hz) {
        ModelStore store = ModelStore.forInstance(hz);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : store.names()) {
            ModelDocument m = store.get(name);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("version", m.version());
            e.put("algorithm", m.algorithm());
            e.put("target", m.target());
            list.add(e);
        }
        if (json) {
            Output.json(out(), Map.of("models", list, "store", store.kind()));
        } else {
            for (Map<String, Object> e : list) {
                out().printf("%-30s v%-5s %-12s %s%n", e.get("name"), e.get("version"), e.get("algorithm"), e.get("target"));
            }
        }
    }
}
