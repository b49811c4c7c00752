package io.gridlearn;

import java.util.function.Consumer;

/**
 * How a fit runs, apart from what it fits: the model's name in the store, whether to resume from its latest
 * checkpoint, and a listener told of every checkpoint. Immutable: every method returns new options.
 */
public final class FitOptions {
    private final String name;
    private final boolean resume;
    private final Consumer<Model> onCheckpoint;

    private FitOptions(String name, boolean resume, Consumer<Model> onCheckpoint) {
        this.name = name;
        this.resume = resume;
        this.onCheckpoint = onCheckpoint;
    }

    /**
     * The defaults: the name {@code DATASET-ALGORITHM}, a fresh fit, no listener.
     *
     * @return options with no name, no resume and no listener
     */
    public static FitOptions defaults() {
        return new FitOptions(null, false, null);
    }

    /**
     * Publish under this name (1 to 100 letters, digits, '_', '.' or '-').
     *
     * @param name the model's name in the store
     * @return the default options with that name
     */
    public static FitOptions named(String name) {
        return defaults().name(name);
    }

    /**
     * Publish under this name.
     *
     * @param modelName the model's name in the store (1 to 100 letters, digits, '_', '.' or '-')
     * @return these options with that name
     */
    public FitOptions name(String modelName) {
        return new FitOptions(io.gridlearn.model.ModelStore.checkName(modelName), resume, onCheckpoint);
    }

    /**
     * Continue from the latest checkpoint of the model name (iterative learners: logistic, softmax, k-means).
     *
     * @param on true to continue from the latest checkpoint, false to start afresh
     * @return these options with that choice
     */
    public FitOptions resume(boolean on) {
        return new FitOptions(name, on, onCheckpoint);
    }

    /**
     * Called with every published checkpoint (iterative learners), on the fitting thread.
     *
     * @param listener called with the model at each checkpoint; null for none
     * @return these options with that listener
     */
    public FitOptions onCheckpoint(Consumer<Model> listener) {
        return new FitOptions(name, resume, listener);
    }

    String name() {
        return name;
    }

    boolean resume() {
        return resume;
    }

    Consumer<Model> onCheckpoint() {
        return onCheckpoint;
    }
}
