package io.gridlearn.runtime;

import io.gridlearn.model.ModelDocument;

import java.util.Map;

/**
 * What to fit: a learner, its options and the columns it uses, as one immutable value. The built-in learners'
 * spec classes ({@code io.gridlearn.Linear}, {@code KMeans}, …) implement it, and so does the spec class of a
 * learner added later or by a user, in its own package; {@code Gridlearn.fit} and the command line hand any
 * spec to the {@link FitDriver}.
 *
 * <p>A spec fits through {@link #fit(FitContext)}: it reads the dataset with the context's pass runner, reports
 * each iteration to the context's checkpoint listener (iterative learners), and returns the final model without
 * name or version; the driver publishes it.
 */
public interface LearnerSpec {
    /** The algorithm's name, as in the model JSON's {@code algorithm} field. */
    String algorithm();

    /** Fits the model on {@link FitContext#schema()}'s dataset; the driver publishes the result. */
    ModelDocument fit(FitContext context);

    /**
     * The options recorded as {@code provenance.options}, in a fixed order, {@code algorithm} first; null when
     * {@link #fit} writes the whole provenance itself.
     */
    default Map<String, Object> provenanceOptions() {
        return null;
    }

    /** The seed recorded in the provenance (and used by the learner's samplers, where it has any). */
    default long seed() {
        return 42;
    }

    /** True when every iteration is a checkpoint from which a fit can resume. */
    default boolean resumable() {
        return false;
    }

    /**
     * True when {@link #fit} publishes the model itself (a live model registered with its maintained statistics);
     * the driver then returns what the store holds instead of publishing again.
     */
    default boolean publishesItself() {
        return false;
    }

    /** Called with the published model; a live spec registers it to follow its dataset. */
    default ModelDocument afterPublish(FitContext context, ModelDocument published) {
        return published;
    }
}
