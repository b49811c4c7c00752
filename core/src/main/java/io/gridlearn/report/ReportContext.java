package io.gridlearn.report;

import io.gridlearn.model.ModelDocument;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link ReportSection} may draw from: the model, and when the report was given data, passes over that
 * data that run next to it and return only what a chart needs (a bounded seeded sample, score histograms,
 * evaluation counts, column statistics), and when the model came from the store by name, its checkpoints.
 * Every method but {@link #model()} is computed on demand, at most once per report.
 */
public interface ReportContext {
    /**
     * The model the report is about.
     *
     * @return the model
     */
    ModelDocument model();

    /**
     * The dataset the data charts draw from, or empty when the report is made from the model alone.
     *
     * @return the dataset name, or empty
     */
    Optional<String> dataset();

    /**
     * True when there is a dataset to draw from.
     *
     * @return whether {@link #dataset()} is present
     */
    default boolean hasData() {
        return dataset().isPresent();
    }

    /**
     * A bounded seeded sample of the dataset's rows, drawn next to the data: each row holds the model's features
     * in order, then its extra input columns ({@link io.gridlearn.runtime.Learner#inputs}, a GLM's offset: the
     * row's first values are what its predictor takes), then the target when {@code withTarget}. Empty when there is no data, or {@code withTarget} and
     * the dataset has no target column (the sample's note then says so).
     *
     * @param withTarget true to append the target column to every row
     * @return the sample, or empty
     */
    Optional<Sample> sample(boolean withTarget);

    /**
     * The model evaluated on every row of the dataset, next to the data: for classifiers {@code accuracy},
     * {@code logLoss}, {@code rows} and {@code confusionMatrix} ({@code long[][]}, true class by predicted class),
     * for regressions the regression metrics. Empty when there is no data.
     *
     * @return the metrics by name
     */
    Map<String, Object> evaluate();

    /**
     * For a binary classifier, the predicted probability of class 1 over every row binned next to the data:
     * {@code 3 × bins} values, the counts of class 0 per bin, then the counts of class 1, then the sums of the
     * predicted probabilities per bin. Null when there is no data.
     *
     * @param bins the number of equal bins on [0, 1]
     * @return the histogram, or null
     */
    double[] scoreHistogram(int bins);

    /**
     * A pass of the section's own over every row of the dataset, next to the data: the kernel's sums, added
     * exactly over the blocks and rounded once ({@link io.gridlearn.pass.PassRunner#sum}), so the same bits on any
     * number of members. Empty when there is no data.
     *
     * @param kernel makes the kernel from the dataset's schema (its columns, by which the kernel finds the ones
     *               it reads)
     * @return the sums, of the kernel's width, or empty
     */
    default Optional<double[]> sum(java.util.function.Function<io.gridlearn.data.DatasetSchema,
            io.gridlearn.pass.BlockKernel> kernel) {
        return Optional.empty();
    }

    /**
     * The mean and standard deviation (n − 1) of each of the model's features over the dataset's rows, as
     * {@code {means, sds}} in the order of the model's features; empty when there is no data.
     *
     * @return the feature statistics, or empty
     */
    Optional<double[][]> featureStatistics();

    /**
     * The model's published versions and checkpoints in the store, oldest first, up to the model's version;
     * empty when the model was not read from the store by name (a model file).
     *
     * @return the history
     */
    List<ModelDocument> history();

    /**
     * True when the model was read from the store by name, so that {@link #history()} can be read.
     *
     * @return whether the model came from the store
     */
    boolean fromStore();

    /**
     * A sample of rows and the sentence that says how it was drawn.
     *
     * @param rows the sampled rows
     * @param note what was sampled, out of how many rows, with which seed
     */
    record Sample(double[][] rows, String note) {
    }

    /**
     * A context of the model alone: no data and no store, as for {@code report --model-file} without data.
     *
     * @param model the model
     * @return the context
     */
    static ReportContext modelOnly(ModelDocument model) {
        return new GridReportContext(null, model, null, false, 2, 0);
    }
}
