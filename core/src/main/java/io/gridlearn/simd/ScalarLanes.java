package io.gridlearn.simd;

/** {@link Lanes} in plain Java: four scalar accumulators per dot product, in the documented order. */
public final class ScalarLanes implements Lanes {
    @Override
    public double dot(double[] a, int ia, double[] b, int ib, int m) {
        int m4 = m & ~3;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int i = 0; i < m4; i += 4) {
            s0 = Math.fma(a[ia + i], b[ib + i], s0);
            s1 = Math.fma(a[ia + i + 1], b[ib + i + 1], s1);
            s2 = Math.fma(a[ia + i + 2], b[ib + i + 2], s2);
            s3 = Math.fma(a[ia + i + 3], b[ib + i + 3], s3);
        }
        double s = (s0 + s1) + (s2 + s3);
        for (int i = m4; i < m; i++) {
            s = Math.fma(a[ia + i], b[ib + i], s);
        }
        return s;
    }

    @Override
    public double sum(double[] a, int ia, int m) {
        int m4 = m & ~3;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int i = 0; i < m4; i += 4) {
            s0 += a[ia + i];
            s1 += a[ia + i + 1];
            s2 += a[ia + i + 2];
            s3 += a[ia + i + 3];
        }
        double s = (s0 + s1) + (s2 + s3);
        for (int i = m4; i < m; i++) {
            s += a[ia + i];
        }
        return s;
    }

    @Override
    public void dot1x4(double[] a, int ia, double[] b, int b0, int b1, int b2, int b3, int m, double[] out, int o) {
        out[o] = dot(a, ia, b, b0, m);
        out[o + 1] = dot(a, ia, b, b1, m);
        out[o + 2] = dot(a, ia, b, b2, m);
        out[o + 3] = dot(a, ia, b, b3, m);
    }

    @Override
    public void dot4x4(double[] a, int a0, int a1, int a2, int a3, double[] b, int b0, int b1, int b2, int b3, int m,
                       double[] out, int o) {
        dot1x4(a, a0, b, b0, b1, b2, b3, m, out, o);
        dot1x4(a, a1, b, b0, b1, b2, b3, m, out, o + 4);
        dot1x4(a, a2, b, b0, b1, b2, b3, m, out, o + 8);
        dot1x4(a, a3, b, b0, b1, b2, b3, m, out, o + 12);
    }

    @Override
    public void axpy(double s, double[] x, int ix, double[] y, int iy, int m) {
        for (int i = 0; i < m; i++) {
            y[iy + i] = Math.fma(s, x[ix + i], y[iy + i]);
        }
    }

    @Override
    public void addSquaredDifferences(double[] x, int ix, double c, double[] d, int id, int m) {
        for (int i = 0; i < m; i++) {
            double t = x[ix + i] - c;
            d[id + i] = Math.fma(t, t, d[id + i]);
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
