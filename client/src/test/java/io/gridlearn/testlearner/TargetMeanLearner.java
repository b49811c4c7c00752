package io.gridlearn.testlearner;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelValidation;
import io.gridlearn.model.RowPredictor;
import io.gridlearn.runtime.Learner;
import io.gridlearn.runtime.LearnerOption;
import io.gridlearn.runtime.LearnerSpec;
import io.gridlearn.OptionException;
import io.gridlearn.runtime.OptionValues;

import java.util.List;

/**
 * A learner that lives only in test sources, registered by this package's entry in
 * {@code META-INF/services/io.gridlearn.runtime.Learner}: it predicts the training mean of the target, shrunk
 * towards zero, (1 − shrink)·ȳ. It proves that a learner added outside core needs no edit anywhere else to be
 * fit, listed and validated by the command line, stored, read back, used to predict and shown by {@code report}
 * with its own section ({@link TargetMeanReport}).
 */
public final class TargetMeanLearner implements Learner {
    @Override
    public List<String> algorithms() {
        return List.of("target-mean");
    }

    @Override
    public String description() {
        return "test learner: the target's training mean, shrunk towards zero";
    }

    @Override
    public List<LearnerOption> options() {
        return List.of(LearnerOption.of("shrink", LearnerOption.Type.DOUBLE, "S",
                "Share by which the mean is shrunk towards zero, in [0, 1] (default 0)."));
    }

    @Override
    public boolean supervised(String algorithm) {
        return true;
    }

    @Override
    public LearnerSpec spec(String algorithm, OptionValues v) {
        double shrink = v.doubleValue("shrink", 0.0);
        if (!(shrink >= 0 && shrink <= 1)) {
            throw new OptionException("shrink", "must be in [0, 1], was " + shrink);
        }
        return new TargetMeanSpec(v.string("target", null), shrink, v.string("missing", "error"));
    }

    @Override
    public RowPredictor predictor(ModelDocument model) {
        double value = ((Number) model.extension("value")).doubleValue();
        return x -> value;
    }

    @Override
    public void validate(ModelDocument model, String origin) {
        ModelValidation.need(model.extension("value") instanceof Number, origin, "target-mean", "a numeric \"value\"");
    }

    @Override
    public java.util.Optional<io.gridlearn.report.ReportSection> report() {
        return java.util.Optional.of(new TargetMeanReport());
    }
}
