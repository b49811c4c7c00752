package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "model", description = {"The model store:",
        "  model show NAME | model history NAME | model export NAME FILE"})
final class ModelCommand extends GridCommand {
    @Parameters(index = "0", paramLabel = "ACTION", description = "show, history or export")
    String action;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", arity = "0..1", paramLabel = "FILE")
    Path file;

    @picocli.CommandLine.Mixin
    ModelKey modelKey = new ModelKey();

    @Override
    void validate() {
        if (!List.of("show", "history", "export").contains(action)) {
            throw new BadInputException("unknown model action '" + action + "'; use show, history or export");
        }
        if (action.equals("export") && file == null) {
            throw new BadInputException("model export needs a FILE");
        }
        ModelStore.checkName(name);
        if (action.equals("export")) {
            key = modelKey.key(); // an unreadable key file fails before a grid starts
        }
    }

    private byte[] key;

    @Override
    void run(HazelcastInstance hz) {
        ModelStore store = ModelStore.forInstance(hz);
        switch (action) {
            case "show" -> out().println(ModelJson.write(store.get(name)));
            case "export" -> {
                ModelDocument m = store.get(name);
                ModelJson.write(m, file, key);
                if (json) {
                    Output.json(out(), Map.of("model", name, "version", m.version(), "file", file.toString()));
                } else {
                    out().println("exported " + name + " version " + m.version() + " to " + file);
                }
            }
            default -> {
                List<Map<String, Object>> versions = new ArrayList<>();
                for (ModelDocument m : store.history(name)) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("version", m.version());
                    v.put("algorithm", m.algorithm());
                    v.put("createdAt", m.provenance() == null ? null : m.provenance().get("createdAt"));
                    v.put("metrics", m.metrics());
                    versions.add(v);
                }
                if (versions.isEmpty()) {
                    store.get(name);
                }
                if (json) {
                    Output.json(out(), Map.of("model", name, "versions", versions));
                } else {
                    versions.forEach(v -> out().println(v));
                }
            }
        }
    }
}
