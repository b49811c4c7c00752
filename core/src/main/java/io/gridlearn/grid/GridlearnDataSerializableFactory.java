package io.gridlearn.grid;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.eval.PredictProcessor;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.linear.BlockFitProcessor;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.RefinementAggregator;
import io.gridlearn.stats.ColumnStatsAggregator;

/** Creates gridlearn's {@link IdentifiedDataSerializable} classes by {@link SerializationIds} id. */
public final class GridlearnDataSerializableFactory implements DataSerializableFactory {
    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case SerializationIds.COLUMN_STATS_AGGREGATOR -> new ColumnStatsAggregator();
            case SerializationIds.LINEAR_PASS_AGGREGATOR -> new LinearPassAggregator();
            case SerializationIds.REGRESSION_METRICS_AGGREGATOR -> new RegressionMetricsAggregator();
            case SerializationIds.BLOCK_FIT_PROCESSOR -> new BlockFitProcessor();
            case SerializationIds.PREDICT_PROCESSOR -> new PredictProcessor();
            case SerializationIds.REFINEMENT_AGGREGATOR -> new RefinementAggregator();
            case SerializationIds.KERNEL_AGGREGATOR -> new io.gridlearn.pass.KernelAggregator();
            case SerializationIds.SAMPLE_AGGREGATOR -> new io.gridlearn.pass.SampleAggregator();
            case SerializationIds.CLASSIFICATION_KERNEL -> new io.gridlearn.eval.ClassificationKernel();
            case SerializationIds.LIVE_STATE -> new io.gridlearn.linear.LiveState();
            case SerializationIds.FEATURE_MEANS_AGGREGATOR -> new io.gridlearn.linear.FeatureMeansAggregator();
            case SerializationIds.BLOCK_KEY_PREDICATE -> new io.gridlearn.data.BlockKeyPredicate();
            case SerializationIds.BLOCK_COUNT_AGGREGATOR -> new io.gridlearn.data.BlockCountAggregator();
            case SerializationIds.BLOCK_MOMENTS_PROCESSOR -> new io.gridlearn.linear.BlockMomentsProcessor();
            case SerializationIds.LOGISTIC_PREP_KERNEL -> new io.gridlearn.logistic.PrepKernel();
            case SerializationIds.LOGISTIC_BINARY_KERNEL -> new io.gridlearn.logistic.BinaryKernel();
            case SerializationIds.LOGISTIC_SOFTMAX_KERNEL -> new io.gridlearn.logistic.SoftmaxKernel();
            case SerializationIds.LOGISTIC_METRICS_KERNEL -> new io.gridlearn.logistic.MetricsKernel();
            case SerializationIds.LOGISTIC_BAD_TARGET_SAMPLER -> new io.gridlearn.logistic.BadTargetSampler();
            case SerializationIds.KMEANS_LLOYD_KERNEL -> new io.gridlearn.kmeans.LloydKernel();
            case SerializationIds.KMEANS_ROW_ID_SAMPLER -> new io.gridlearn.kmeans.RowIdSampler();
            case SerializationIds.KMEANS_HASH_SAMPLER -> new io.gridlearn.kmeans.HashSampler();
            case SerializationIds.KMEANS_PARALLEL_SAMPLER -> new io.gridlearn.kmeans.ParallelSampler();
            case SerializationIds.BAYES_CLASS_SAMPLER -> new io.gridlearn.bayes.ClassSampler();
            case SerializationIds.BAYES_CLASS_MOMENTS_KERNEL -> new io.gridlearn.bayes.ClassMomentsKernel();
            case SerializationIds.PCA_COLUMN_MOMENTS_KERNEL -> new io.gridlearn.pca.ColumnMomentsKernel();
            case SerializationIds.REPORT_SAMPLER -> new io.gridlearn.report.ReportSampler();
            case SerializationIds.REPORT_SCORE_HISTOGRAM_KERNEL -> new io.gridlearn.report.ScoreHistogramKernel();
            case SerializationIds.REPORT_COLUMN_HISTOGRAM_KERNEL -> new io.gridlearn.report.ColumnHistogramKernel();
            default -> null;
        };
    }
}
