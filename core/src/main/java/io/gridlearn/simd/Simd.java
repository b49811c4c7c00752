package io.gridlearn.simd;

import java.util.logging.Logger;

/**
 * Chooses the {@link Lanes} implementation once per JVM: the Vector API when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the {@code gridlearn} launcher, the node jar's documented
 * command and the test build do), plain Java otherwise or when {@code -Dgridlearn.simd=false}. Both give the
 * same bits, so members started with and without the module can share a cluster.
 */
public final class Simd {
    private static final Lanes LANES = choose();

    private Simd() {
    }

    /**
     * The implementation in use.
     *
     * @return the Vector API lanes when the JVM has the module, it works and {@code gridlearn.simd} is not false, else
     *         the scalar lanes
     */
    public static Lanes lanes() {
        return LANES;
    }

    private static Lanes choose() {
        boolean wanted = !"false".equalsIgnoreCase(System.getProperty("gridlearn.simd", "true"));
        if (wanted && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                // by name: nothing links against the incubator class unless the module is there (javadoc, which
                // runs without the module, never resolves it either)
                return (Lanes) Class.forName("io.gridlearn.simd.vector.VectorLanes").getDeclaredConstructor().newInstance();
            } catch (LinkageError | RuntimeException | ReflectiveOperationException e) {
                Logger.getLogger(Simd.class.getName()).warning("Vector API present but unusable, using scalar kernels: " + e);
            }
        }
        return new ScalarLanes();
    }
}
