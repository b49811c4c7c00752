package io.gridlearn;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitContext;
import io.gridlearn.runtime.LearnerSpec;

import java.util.Map;

/**
 * The built-in spec classes' common part: each builds the learner family's own spec ({@link #toSpec()}) and the
 * runtime runs that, so a fit from Java and the same fit from the command line are one code path.
 */
abstract class BuiltInSpec implements LearnerSpec {
    /** The family's spec of this fit; validates what a single method could not (combinations). */
    abstract LearnerSpec toSpec();

    @Override
    public ModelDocument fit(FitContext context) {
        return toSpec().fit(context);
    }

    @Override
    public Map<String, Object> provenanceOptions() {
        return toSpec().provenanceOptions();
    }

    @Override
    public long seed() {
        return toSpec().seed();
    }

    @Override
    public boolean resumable() {
        return toSpec().resumable();
    }

    @Override
    public boolean publishesItself() {
        return toSpec().publishesItself();
    }

    @Override
    public ModelDocument afterPublish(FitContext context, ModelDocument published) {
        return toSpec().afterPublish(context, published);
    }
}
