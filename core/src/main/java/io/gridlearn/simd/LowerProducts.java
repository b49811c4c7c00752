package io.gridlearn.simd;

/**
 * The packed lower triangle of the products of two sets of q columns, {@code out[i(i+1)/2 + j] = Σ_r a_i[r] b_j[r]}
 * for {@code j ≤ i}, where column t of a (and of b) is {@code a[t·stride …]}, m rows long.
 *
 * <p>Everything goes through 4×4 tiles of {@link Lanes#dot4x4}, including the tiles that straddle the
 * diagonal or the last columns (indices past q − 1 are clamped and their products dropped): a lone dot
 * product is one chain of dependent multiply-adds, bound by their latency, and the few entries a tile
 * computes in vain cost less than running the edges that way. Each entry is the sum of {@link Lanes#dot} in
 * its fixed lane order, so the result does not depend on the tiling or on whether the Vector API is present.
 *
 * <p>Used for Gram matrices (a = b: the centred columns of a block) and for weighted ones (a_i = w ∘ z_i,
 * b = z: the logistic Hessian).
 */
public final class LowerProducts {
    private final Lanes lanes = Simd.lanes();
    private final double[] tile = new double[16];

    /**
     * Fills {@code out[off …]} with the packed lower triangle (see the class comment).
     *
     * @param a the first set of columns: column t at {@code a[t·stride …]}
     * @param b the second set, laid out the same way (may be {@code a})
     * @param stride the distance between the starts of two columns
     * @param q the number of columns in each set
     * @param m the length of every column (rows)
     * @param out receives the {@code q(q+1)/2} products
     * @param off where they go in {@code out}
     */
    public void compute(double[] a, double[] b, int stride, int q, int m, double[] out, int off) {
        for (int i0 = 0; i0 < q; i0 += 4) {
            int a0 = Math.min(i0, q - 1) * stride;
            int a1 = Math.min(i0 + 1, q - 1) * stride;
            int a2 = Math.min(i0 + 2, q - 1) * stride;
            int a3 = Math.min(i0 + 3, q - 1) * stride;
            for (int j0 = 0; j0 <= i0; j0 += 4) {
                lanes.dot4x4(a, a0, a1, a2, a3, b, Math.min(j0, q - 1) * stride, Math.min(j0 + 1, q - 1) * stride,
                        Math.min(j0 + 2, q - 1) * stride, Math.min(j0 + 3, q - 1) * stride, m, tile, 0);
                for (int s = 0; s < 4 && i0 + s < q; s++) {
                    int i = i0 + s;
                    for (int t = 0; t < 4 && j0 + t <= i; t++) {
                        out[off + i * (i + 1) / 2 + j0 + t] = tile[4 * s + t];
                    }
                }
            }
        }
    }
}
