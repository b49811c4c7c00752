package io.gridlearn.benchmarks;

/**
 * NOT used by gridlearn: a proposal for {@code ShiftedBlockMoments}, measured next to it in
 * {@link GramKernelBench}. Same gather and centring, same arithmetic per entry (one sequential {@code fma}
 * chain over the rows for each (j, k), so the results are bit-identical — checked in the benchmark's setup),
 * but two columns j are paired with four columns k in the inner loop: 8 independent accumulator chains
 * instead of 4, and 6 loads per 8 fused multiply-adds instead of 5 per 4. The current kernel's inner loop is
 * bound by the latency of its 4 dependent fma chains (about one fma per cycle measured).
 */
final class TiledGramPrototype {
    private final int q;
    private double[][] z;
    final double[] shift;
    final double[] e;
    final double[] d;

    TiledGramPrototype(int q) {
        this.q = q;
        this.shift = new double[q];
        this.e = new double[q];
        this.d = new double[q * (q + 1) / 2];
        this.z = new double[q][0];
    }

    /** As {@code ShiftedBlockMoments.compute(values, blockRows, columns, null, m)}. */
    void compute(double[] values, int blockRows, int[] columns, int m) {
        if (z[0].length < m) {
            z = new double[q][Math.max(m, 16)];
        }
        for (int j = 0; j < q; j++) {
            double[] zj = z[j];
            System.arraycopy(values, columns[j] * blockRows, zj, 0, m);
            double s = 0;
            for (int r = 0; r < m; r++) {
                s += zj[r];
            }
            double c = m == 0 ? 0 : s / m;
            double es = 0;
            for (int r = 0; r < m; r++) {
                double v = zj[r] - c;
                zj[r] = v;
                es += v;
            }
            shift[j] = c;
            e[j] = es;
        }
        crossProducts(m);
    }

    private void crossProducts(int m) {
        int j = 0;
        for (; j + 1 < q; j += 2) {
            double[] x0 = z[j];
            double[] x1 = z[j + 1];
            int b0 = j * (j + 1) / 2;
            int b1 = (j + 1) * (j + 2) / 2;
            int k = 0;
            for (; k + 3 <= j; k += 4) {
                double[] y0 = z[k];
                double[] y1 = z[k + 1];
                double[] y2 = z[k + 2];
                double[] y3 = z[k + 3];
                double a00 = 0;
                double a01 = 0;
                double a02 = 0;
                double a03 = 0;
                double a10 = 0;
                double a11 = 0;
                double a12 = 0;
                double a13 = 0;
                for (int r = 0; r < m; r++) {
                    double u = x0[r];
                    double v = x1[r];
                    double p0 = y0[r];
                    double p1 = y1[r];
                    double p2 = y2[r];
                    double p3 = y3[r];
                    a00 = Math.fma(u, p0, a00);
                    a01 = Math.fma(u, p1, a01);
                    a02 = Math.fma(u, p2, a02);
                    a03 = Math.fma(u, p3, a03);
                    a10 = Math.fma(v, p0, a10);
                    a11 = Math.fma(v, p1, a11);
                    a12 = Math.fma(v, p2, a12);
                    a13 = Math.fma(v, p3, a13);
                }
                d[b0 + k] = a00;
                d[b0 + k + 1] = a01;
                d[b0 + k + 2] = a02;
                d[b0 + k + 3] = a03;
                d[b1 + k] = a10;
                d[b1 + k + 1] = a11;
                d[b1 + k + 2] = a12;
                d[b1 + k + 3] = a13;
            }
            for (; k <= j; k++) {
                double[] y = z[k];
                double a0 = 0;
                double a1 = 0;
                for (int r = 0; r < m; r++) {
                    a0 = Math.fma(x0[r], y[r], a0);
                    a1 = Math.fma(x1[r], y[r], a1);
                }
                d[b0 + k] = a0;
                d[b1 + k] = a1;
            }
            double a = 0;
            for (int r = 0; r < m; r++) {
                a = Math.fma(x1[r], x1[r], a);
            }
            d[b1 + j + 1] = a;
        }
        if (j < q) {
            double[] zj = z[j];
            int rowBase = j * (j + 1) / 2;
            for (int k = 0; k <= j; k++) {
                double[] zk = z[k];
                double a = 0;
                for (int r = 0; r < m; r++) {
                    a = Math.fma(zj[r], zk[r], a);
                }
                d[rowBase + k] = a;
            }
        }
    }
}
