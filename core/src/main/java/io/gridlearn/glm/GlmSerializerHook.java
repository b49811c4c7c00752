package io.gridlearn.glm;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.glm}: the IRLS
 * kernel, the checking pass and the sampler that locates a bad row. Listed in
 * {@code META-INF/services/com.hazelcast.DataSerializerHook}; the factory id is allocated in
 * {@link SerializationIds}; class ids are unique within this hook.
 */
public final class GlmSerializerHook implements DataSerializerHook {
    /** This package's factory id. */
    public static final int FACTORY_ID = SerializationIds.GLM_FACTORY_ID;

    /** {@link GlmKernel}. */
    public static final int GLM_KERNEL = 1;
    /** {@link GlmPrepKernel}. */
    public static final int PREP_KERNEL = 2;
    /** {@link BadRowSampler}. */
    public static final int BAD_ROW_SAMPLER = 3;

    /**
     * One instance of every type this hook creates, over the given feature and response columns (a Poisson
     * model, the first feature also as offset): for serialization tests outside this package.
     *
     * @param features positions of at least one feature column in the test's blocks
     * @param target   position of the response column
     * @return two {@link GlmKernel}s (at coefficients with an offset, and at the starting means without
     *         features), a {@link GlmPrepKernel} and a {@link BadRowSampler}
     */
    public static java.util.List<com.hazelcast.nio.serialization.IdentifiedDataSerializable> examples(
            int[] features, int target) {
        GlmOptions o = GlmOptions.of(Family.POISSON).withMaxIter(5);
        double[] theta = new double[features.length + 1];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.01 * (i - 2);
        }
        return java.util.List.of(new GlmKernel(features, features, target, -1, features[0], o, theta, 1.0),
                new GlmKernel(new int[0], features, target, -1, -1, o, null, 1.0),
                new GlmPrepKernel(features, target, -1, features[0], o),
                new BadRowSampler(features, target, -1, -1, o, true));
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public DataSerializableFactory createFactory() {
        return typeId -> switch (typeId) {
            case GLM_KERNEL -> new GlmKernel();
            case PREP_KERNEL -> new GlmPrepKernel();
            case BAD_ROW_SAMPLER -> new BadRowSampler();
            default -> null;
        };
    }
}
