package io.gridlearn.simd;

/**
 * Per-thread scratch arrays for block kernels. Hazelcast creates an aggregator per partition, so scratch held
 * by a kernel instance would be allocated once per partition and pass; this keeps one growing array per
 * thread and slot instead. Callers must not keep a reference beyond one block.
 */
public final class Scratch {
    private static final int SLOTS = 4;
    private static final ThreadLocal<double[][]> ARRAYS = ThreadLocal.withInitial(() -> new double[SLOTS][0]);

    private Scratch() {
    }

    /**
     * An array of at least {@code length} doubles for slot {@code slot}, contents undefined.
     *
     * @param slot the slot, 0 to 3: one per array a kernel needs at the same time
     * @param length the least length needed
     * @return this thread's array of that slot, grown if it was shorter
     */
    public static double[] get(int slot, int length) {
        double[][] a = ARRAYS.get();
        if (a[slot].length < length) {
            a[slot] = new double[length];
        }
        return a[slot];
    }
}
