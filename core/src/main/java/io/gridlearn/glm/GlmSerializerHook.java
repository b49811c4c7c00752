package io.gridlearn.glm;

import com.hazelcast.internal.serialization.DataSerializerHook;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import io.gridlearn.grid.SerializationIds;

/**
 * Registers with Hazelcast the {@code IdentifiedDataSerializable} classes of {@code io.gridlearn.glm}: the IRLS
 * kernel, the checking pass, the sampler that locates a bad row, and the evaluation and calibration kernels. Listed in
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
    /** {@link GlmEvalKernel}. */
    public static final int EVAL_KERNEL = 4;
    /** {@link GlmCalibrationKernel}. */
    public static final int CALIBRATION_KERNEL = 5;

    /**
     * One instance of every type this hook creates, over the given feature and response columns (a Poisson
     * model, the first feature also as offset): for serialization tests outside this package.
     *
     * @param features positions of at least one feature column in the test's blocks
     * @param target   position of the response column
     * @return two {@link GlmKernel}s (at coefficients with an offset, and at the starting means without
     *         features), a {@link GlmPrepKernel}, a {@link BadRowSampler}, and a {@link GlmEvalKernel} and a
     *         {@link GlmCalibrationKernel} of a Poisson model with the first feature as its offset
     */
    public static java.util.List<com.hazelcast.nio.serialization.IdentifiedDataSerializable> examples(
            int[] features, int target) {
        GlmOptions o = GlmOptions.of(Family.POISSON).withMaxIter(5);
        double[] theta = new double[features.length + 1];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 0.01 * (i - 2);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int j = 0; j < features.length; j++) {
            names.add("x" + j);
        }
        java.util.Map<String, Object> ext = new java.util.LinkedHashMap<>();
        ext.put("family", "poisson");
        ext.put("link", "log");
        ext.put("offset", "x0");
        String model = io.gridlearn.model.ModelJson.write(new io.gridlearn.model.ModelDocument(
                io.gridlearn.model.ModelDocument.FORMAT, null, 0, GlmLearner.ALGORITHM, "y", names, theta[0],
                java.util.Arrays.copyOfRange(theta, 1, theta.length), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null).withExtensions(ext));
        int[] inputs = java.util.Arrays.copyOf(features, features.length + 1);
        inputs[features.length] = features[0];
        return java.util.List.of(new GlmKernel(features, features, target, -1, features[0], o, theta, 1.0),
                new GlmKernel(new int[0], features, target, -1, -1, o, null, 1.0),
                new GlmPrepKernel(features, target, -1, features[0], o),
                new BadRowSampler(features, target, -1, -1, o, true),
                new GlmEvalKernel(model, inputs, target, -1, 0.5),
                new GlmCalibrationKernel(model, inputs, target, -1, new double[] {0.5, 1.0, 2.0}));
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
            case EVAL_KERNEL -> new GlmEvalKernel();
            case CALIBRATION_KERNEL -> new GlmCalibrationKernel();
            default -> null;
        };
    }
}
