package io.gridlearn;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;

import java.util.List;
import java.util.Optional;

/**
 * The grid's model store: named models, each a sequence of versions. Every publication is a compare-and-set
 * from the version it was computed from (the CP Subsystem's {@code IAtomicReference} where the grid has it, a
 * partitioned map otherwise), so a writer that lost a race is told instead of overwriting; every version is also
 * kept in a history map.
 */
public final class Models {
    private final ModelStore store;

    Models(ModelStore store) {
        this.store = store;
    }

    /**
     * Publishes {@code model} as the next version of {@code name} (version 1 for a new name).
     *
     * @param name  the model's name (1 to 100 letters, digits, '_', '.' or '-')
     * @param model the model to publish
     * @return the published model, with its name and version
     * @throws io.gridlearn.model.StaleModelException if another writer published a version in between
     */
    public Model publish(String name, Model model) {
        Checks.given("Models.publish(name, model)", "model", model);
        long current = store.current(ModelStore.checkName(name)).map(ModelDocument::version).orElse(0L);
        return new Model(store.publish(name, current, model.document()));
    }

    /**
     * Publishes {@code model} as version {@code expectedVersion + 1} of {@code name} if the current version is
     * {@code expectedVersion} (0: the name must be new).
     *
     * @param name            the model's name (1 to 100 letters, digits, '_', '.' or '-')
     * @param expectedVersion the version the model was computed from, 0 for a new name
     * @param model           the model to publish
     * @return the published model, with its name and version
     */
    public Model publish(String name, long expectedVersion, Model model) {
        Checks.given("Models.publish(name, expectedVersion, model)", "model", model);
        return new Model(store.publish(name, expectedVersion, model.document()));
    }

    /**
     * The current version of a model, or a message naming the models there are.
     *
     * @param name the model's name
     * @return the current version
     */
    public Model get(String name) {
        return new Model(store.get(name));
    }

    /**
     * The current version of a model, if there is one.
     *
     * @param name the model's name
     * @return the current version, or empty when there is no model of that name
     */
    public Optional<Model> find(String name) {
        return store.current(name).map(Model::new);
    }

    /**
     * Every version of a model, oldest first.
     *
     * @param name the model's name
     * @return every version, oldest first; empty when there is none
     */
    public List<Model> history(String name) {
        return store.history(name).stream().map(Model::new).toList();
    }

    /**
     * The names of every model, sorted.
     *
     * @return the model names, in ascending order
     */
    public List<String> names() {
        return store.names();
    }
}
