package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.model.ModelStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model NAME | --model-file F}. */
public final class ModelSource {
    @Option(names = "--model", paramLabel = "NAME", description = "A model in the grid's store.")
    String name;

    @Option(names = "--model-file", paramLabel = "F", description = "A model JSON file.")
    Path file;

    /** The store's model name, or null when a file was given. */
    public String name() {
        return name;
    }

    /** The model file, or null when a name was given. */
    public Path file() {
        return file;
    }

    public ModelDocument load(HazelcastInstance hz) {
        return file != null ? ModelJson.read(file) : ModelStore.forInstance(hz).get(name);
    }
}
