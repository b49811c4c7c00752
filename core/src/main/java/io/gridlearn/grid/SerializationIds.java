package io.gridlearn.grid;

/**
 * gridlearn's block of Hazelcast serialization ids, 4711 to 4730, allocated here the way Hazelcast allocates
 * its own factory ids in one place ({@code FactoryIdHelper}) while each package's hook owns its class ids.
 *
 * <p>Every core package that sends objects to members registers its own
 * {@code com.hazelcast.internal.serialization.DataSerializerHook} (for example
 * {@code io.gridlearn.linear.LinearSerializerHook}), listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}; Hazelcast finds the hooks on the classpath of
 * every member and client, so no configuration registers a factory. Hazelcast's internal factory ids are
 * negative, user ids positive: this block cannot clash with Hazelcast's own.
 *
 * <ul>
 *   <li>4711: retired (the single factory of earlier versions); never reused, so that an object from an old
 *       member fails to deserialize instead of turning into another class</li>
 *   <li>4712: {@link #ROW_BLOCK_TYPE_ID}, the custom serializer of row blocks</li>
 *   <li>4713 to 4722: one factory per package, below</li>
 *   <li>4723: {@link #GLM_FACTORY_ID}</li>
 *   <li>4724: {@link #TREE_FACTORY_ID}</li>
 *   <li>4725: free</li>
 *   <li>4726: {@link #HOST_MAP_FACTORY_ID}</li>
 *   <li>4727: {@link #RUNTIME_FACTORY_ID}</li>
 *   <li>4728 to 4730: free for new packages</li>
 * </ul>
 *
 * Changing an id breaks wire compatibility between members of different versions.
 */
public final class SerializationIds {
    /** Type id of the bulk {@link RowBlockSerializer} (custom serializer ids must be positive). */
    public static final int ROW_BLOCK_TYPE_ID = 4_712;

    /** {@code io.gridlearn.data.DatasetSerializerHook}. */
    public static final int DATA_FACTORY_ID = 4_713;
    /** {@code io.gridlearn.stats.StatsSerializerHook}. */
    public static final int STATS_FACTORY_ID = 4_714;
    /** {@code io.gridlearn.eval.EvalSerializerHook}. */
    public static final int EVAL_FACTORY_ID = 4_715;
    /** {@code io.gridlearn.pass.PassSerializerHook}. */
    public static final int PASS_FACTORY_ID = 4_716;
    /** {@code io.gridlearn.linear.LinearSerializerHook}. */
    public static final int LINEAR_FACTORY_ID = 4_717;
    /** {@code io.gridlearn.logistic.LogisticSerializerHook}. */
    public static final int LOGISTIC_FACTORY_ID = 4_718;
    /** {@code io.gridlearn.kmeans.KmeansSerializerHook}. */
    public static final int KMEANS_FACTORY_ID = 4_719;
    /** {@code io.gridlearn.bayes.BayesSerializerHook}. */
    public static final int BAYES_FACTORY_ID = 4_720;
    /** {@code io.gridlearn.pca.PcaSerializerHook}. */
    public static final int PCA_FACTORY_ID = 4_721;
    /** {@code io.gridlearn.report.ReportSerializerHook}. */
    public static final int REPORT_FACTORY_ID = 4_722;
    /** {@code io.gridlearn.glm.GlmSerializerHook}. */
    public static final int GLM_FACTORY_ID = 4_723;
    /** {@code io.gridlearn.tree.TreeSerializerHook}. */
    public static final int TREE_FACTORY_ID = 4_724;
    /** {@code io.gridlearn.data.hostmap.HostMapSerializerHook}: datasets converted from a host's own maps. */
    public static final int HOST_MAP_FACTORY_ID = 4_726;
    /** {@code io.gridlearn.runtime.RuntimeSerializerHook}: a fit driven by a member. */
    public static final int RUNTIME_FACTORY_ID = 4_727;

    private SerializationIds() {
    }
}
