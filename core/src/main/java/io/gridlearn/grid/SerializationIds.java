package io.gridlearn.grid;

/**
 * Every serialization id gridlearn registers with Hazelcast, in one place so that uniqueness is checked by
 * a single test. Changing an id breaks wire compatibility between members of different versions.
 */
public final class SerializationIds {
    /** {@code DataSerializableFactory} id of {@link GridlearnDataSerializableFactory}. */
    public static final int FACTORY_ID = 4_711;

    /** Type id of the bulk {@link RowBlockSerializer} (custom serializer ids must be positive). */
    public static final int ROW_BLOCK_TYPE_ID = 4_712;

    public static final int COLUMN_STATS_AGGREGATOR = 1;
    public static final int LINEAR_PASS_AGGREGATOR = 2;
    public static final int REGRESSION_METRICS_AGGREGATOR = 3;
    public static final int BLOCK_FIT_PROCESSOR = 4;
    public static final int PREDICT_PROCESSOR = 5;
    public static final int REFINEMENT_AGGREGATOR = 6;
    public static final int KERNEL_AGGREGATOR = 7;
    public static final int SAMPLE_AGGREGATOR = 8;
    public static final int CLASSIFICATION_KERNEL = 9;
    public static final int LIVE_STATE = 10;
    public static final int FEATURE_MEANS_AGGREGATOR = 11;
    public static final int BLOCK_KEY_PREDICATE = 12;
    public static final int BLOCK_COUNT_AGGREGATOR = 13;
    public static final int BLOCK_MOMENTS_PROCESSOR = 14;

    // logistic and softmax (io.gridlearn.logistic)
    public static final int LOGISTIC_PREP_KERNEL = 20;
    public static final int LOGISTIC_BINARY_KERNEL = 21;
    public static final int LOGISTIC_SOFTMAX_KERNEL = 22;
    public static final int LOGISTIC_METRICS_KERNEL = 23;
    public static final int LOGISTIC_BAD_TARGET_SAMPLER = 24;

    // k-means, naive Bayes, PCA
    public static final int KMEANS_LLOYD_KERNEL = 30;
    public static final int KMEANS_ROW_ID_SAMPLER = 31;
    public static final int KMEANS_HASH_SAMPLER = 32;
    public static final int KMEANS_PARALLEL_SAMPLER = 33;
    public static final int BAYES_CLASS_SAMPLER = 34;
    public static final int BAYES_CLASS_MOMENTS_KERNEL = 35;
    public static final int PCA_COLUMN_MOMENTS_KERNEL = 36;

    // training reports (io.gridlearn.report)
    public static final int REPORT_SAMPLER = 40;
    public static final int REPORT_SCORE_HISTOGRAM_KERNEL = 41;
    public static final int REPORT_COLUMN_HISTOGRAM_KERNEL = 42;

    private SerializationIds() {
    }
}
