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

    /**
     * The store's model name, or null when a file was given.
     *
     * @return the name, or null
     */
    public String name() {
        return name;
    }

    /**
     * The model file, or null when a name was given.
     *
     * @return the path, or null
     */
    public Path file() {
        return file;
    }

    /**
     * Reads the model from the file or the store.
     *
     * @param hz a member or client of the grid (unused for a file)
     * @return the model
     */
    public ModelDocument load(HazelcastInstance hz) {
        return file != null ? ModelJson.read(file) : ModelStore.forInstance(hz).get(name);
    }

    /**
     * Reads the model from the file, its digest and hmac checked (a warning on {@code err} when it has no digest),
     * or from the store.
     *
     * @param hz  a member or client of the grid (unused for a file)
     * @param key the model key option
     * @param err where a warning goes
     * @return the model
     */
    public ModelDocument load(HazelcastInstance hz, ModelKey key, java.io.PrintStream err) {
        return file != null ? key.read(file, err) : ModelStore.forInstance(hz).get(name);
    }
}
