package io.gridlearn.simd;

/**
 * The packed lower triangle of the products of two sets of q columns, {@code out[i(i+1)/2 + j] = Σ_r a_i[r] b_j[r]}
 * for {@code j ≤ i}, where column t of a (and of b) is {@code a[t·stride …]}, m rows long. Computed in 2×4 tiles
 * of {@link Lanes#dot2x4} (eight independent chains of vector multiply-adds, six loads per eight), with each
 * entry in the lane order of {@link Lanes}: the same bits as q(q+1)/2 calls of {@link Lanes#dot}.
 *
 * <p>Used for Gram matrices (a = b: the centred columns of a block) and for weighted ones (a_i = w ∘ z_i,
 * b = z: the logistic Hessian).
 */
public final class LowerProducts {
    private final Lanes lanes = Simd.lanes();
    private final double[] tile = new double[8];

    /** Fills {@code out[off …]} with the packed lower triangle (see the class comment). */
    public void compute(double[] a, double[] b, int stride, int q, int m, double[] out, int off) {
        int i = 0;
        for (; i + 1 < q; i += 2) {
            int a0 = i * stride;
            int a1 = a0 + stride;
            int r0 = off + i * (i + 1) / 2;
            int r1 = off + (i + 1) * (i + 2) / 2;
            int j = 0;
            for (; j + 3 <= i; j += 4) {
                int b0 = j * stride;
                lanes.dot2x4(a, a0, a1, b, b0, b0 + stride, b0 + 2 * stride, b0 + 3 * stride, m, tile, 0);
                System.arraycopy(tile, 0, out, r0 + j, 4);
                System.arraycopy(tile, 4, out, r1 + j, 4);
            }
            for (; j <= i; j++) {
                out[r0 + j] = lanes.dot(a, a0, b, j * stride, m);
                out[r1 + j] = lanes.dot(a, a1, b, j * stride, m);
            }
            out[r1 + i + 1] = lanes.dot(a, a1, b, (i + 1) * stride, m);
        }
        if (i < q) {
            int ai = i * stride;
            int ri = off + i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                out[ri + j] = lanes.dot(a, ai, b, j * stride, m);
            }
        }
    }
}
