package io.gridlearn.simd.vector;

import io.gridlearn.simd.Lanes;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Lanes} on the incubating Vector API: each lane group is one {@code DoubleVector} of 256 bits, so
 * lane {@code l} of the vector is lane {@code l} of the documented order and the results equal
 * {@link io.gridlearn.simd.ScalarLanes} bit for bit ({@code fma} is fused in both). Loaded only when the module
 * {@code jdk.incubator.vector} is in the boot layer (see {@link Simd}).
 */
public final class VectorLanes implements Lanes {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    /** Lanes of 256 bits; fails with a {@code LinkageError} when the JVM lacks the incubator module. */
    public VectorLanes() {
        if (S.length() != WIDTH) {
            throw new IllegalStateException("256-bit species has " + S.length() + " lanes");
        }
    }

    private static double reduce(DoubleVector v) {
        return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
    }

    @Override
    public double dot(double[] a, int ia, double[] b, int ib, int m) {
        int m4 = m & ~3;
        DoubleVector s = DoubleVector.zero(S);
        for (int i = 0; i < m4; i += 4) {
            s = DoubleVector.fromArray(S, a, ia + i).fma(DoubleVector.fromArray(S, b, ib + i), s);
        }
        double r = reduce(s);
        for (int i = m4; i < m; i++) {
            r = Math.fma(a[ia + i], b[ib + i], r);
        }
        return r;
    }

    @Override
    public double sum(double[] a, int ia, int m) {
        int m4 = m & ~3;
        DoubleVector s = DoubleVector.zero(S);
        for (int i = 0; i < m4; i += 4) {
            s = s.add(DoubleVector.fromArray(S, a, ia + i));
        }
        double r = reduce(s);
        for (int i = m4; i < m; i++) {
            r += a[ia + i];
        }
        return r;
    }

    @Override
    public void dot1x4(double[] a, int ia, double[] b, int b0, int b1, int b2, int b3, int m, double[] out, int o) {
        int m4 = m & ~3;
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int i = 0; i < m4; i += 4) {
            DoubleVector v = DoubleVector.fromArray(S, a, ia + i);
            s0 = v.fma(DoubleVector.fromArray(S, b, b0 + i), s0);
            s1 = v.fma(DoubleVector.fromArray(S, b, b1 + i), s1);
            s2 = v.fma(DoubleVector.fromArray(S, b, b2 + i), s2);
            s3 = v.fma(DoubleVector.fromArray(S, b, b3 + i), s3);
        }
        double r0 = reduce(s0);
        double r1 = reduce(s1);
        double r2 = reduce(s2);
        double r3 = reduce(s3);
        for (int i = m4; i < m; i++) {
            double v = a[ia + i];
            r0 = Math.fma(v, b[b0 + i], r0);
            r1 = Math.fma(v, b[b1 + i], r1);
            r2 = Math.fma(v, b[b2 + i], r2);
            r3 = Math.fma(v, b[b3 + i], r3);
        }
        out[o] = r0;
        out[o + 1] = r1;
        out[o + 2] = r2;
        out[o + 3] = r3;
    }

    @Override
    public void dot4x4(double[] a, int a0, int a1, int a2, int a3, double[] b, int b0, int b1, int b2, int b3, int m,
                       double[] out, int o) {
        int m4 = m & ~3;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s20 = s00;
        DoubleVector s21 = s00;
        DoubleVector s22 = s00;
        DoubleVector s23 = s00;
        DoubleVector s30 = s00;
        DoubleVector s31 = s00;
        DoubleVector s32 = s00;
        DoubleVector s33 = s00;
        for (int i = 0; i < m4; i += 4) {
            DoubleVector u0 = DoubleVector.fromArray(S, a, a0 + i);
            DoubleVector u1 = DoubleVector.fromArray(S, a, a1 + i);
            DoubleVector u2 = DoubleVector.fromArray(S, a, a2 + i);
            DoubleVector u3 = DoubleVector.fromArray(S, a, a3 + i);
            DoubleVector p = DoubleVector.fromArray(S, b, b0 + i);
            s00 = u0.fma(p, s00);
            s10 = u1.fma(p, s10);
            s20 = u2.fma(p, s20);
            s30 = u3.fma(p, s30);
            p = DoubleVector.fromArray(S, b, b1 + i);
            s01 = u0.fma(p, s01);
            s11 = u1.fma(p, s11);
            s21 = u2.fma(p, s21);
            s31 = u3.fma(p, s31);
            p = DoubleVector.fromArray(S, b, b2 + i);
            s02 = u0.fma(p, s02);
            s12 = u1.fma(p, s12);
            s22 = u2.fma(p, s22);
            s32 = u3.fma(p, s32);
            p = DoubleVector.fromArray(S, b, b3 + i);
            s03 = u0.fma(p, s03);
            s13 = u1.fma(p, s13);
            s23 = u2.fma(p, s23);
            s33 = u3.fma(p, s33);
        }
        out[o] = reduce(s00);
        out[o + 1] = reduce(s01);
        out[o + 2] = reduce(s02);
        out[o + 3] = reduce(s03);
        out[o + 4] = reduce(s10);
        out[o + 5] = reduce(s11);
        out[o + 6] = reduce(s12);
        out[o + 7] = reduce(s13);
        out[o + 8] = reduce(s20);
        out[o + 9] = reduce(s21);
        out[o + 10] = reduce(s22);
        out[o + 11] = reduce(s23);
        out[o + 12] = reduce(s30);
        out[o + 13] = reduce(s31);
        out[o + 14] = reduce(s32);
        out[o + 15] = reduce(s33);
        int[] as = {a0, a1, a2, a3};
        int[] bs = {b0, b1, b2, b3};
        for (int i = m4; i < m; i++) {
            for (int s = 0; s < 4; s++) {
                double u = a[as[s] + i];
                for (int t = 0; t < 4; t++) {
                    out[o + 4 * s + t] = Math.fma(u, b[bs[t] + i], out[o + 4 * s + t]);
                }
            }
        }
    }

    @Override
    public void axpy(double s, double[] x, int ix, double[] y, int iy, int m) {
        int m4 = m & ~3;
        DoubleVector vs = DoubleVector.broadcast(S, s);
        for (int i = 0; i < m4; i += 4) {
            vs.fma(DoubleVector.fromArray(S, x, ix + i), DoubleVector.fromArray(S, y, iy + i)).intoArray(y, iy + i);
        }
        for (int i = m4; i < m; i++) {
            y[iy + i] = Math.fma(s, x[ix + i], y[iy + i]);
        }
    }

    @Override
    public void addSquaredDifferences(double[] x, int ix, double c, double[] d, int id, int m) {
        int m4 = m & ~3;
        DoubleVector vc = DoubleVector.broadcast(S, c);
        for (int i = 0; i < m4; i += 4) {
            DoubleVector t = DoubleVector.fromArray(S, x, ix + i).sub(vc);
            t.fma(t, DoubleVector.fromArray(S, d, id + i)).intoArray(d, id + i);
        }
        for (int i = m4; i < m; i++) {
            double t = x[ix + i] - c;
            d[id + i] = Math.fma(t, t, d[id + i]);
        }
    }

    @Override
    public void squaredDistances(double[] v, int[] starts, double[] centre, int ic, int p, double[] d, int id, int m) {
        int i = 0;
        for (; i + 16 <= m; i += 16) {
            DoubleVector s0 = DoubleVector.zero(S);
            DoubleVector s1 = s0;
            DoubleVector s2 = s0;
            DoubleVector s3 = s0;
            for (int j = 0; j < p; j++) {
                DoubleVector c = DoubleVector.broadcast(S, centre[ic + j]);
                int o = starts[j] + i;
                DoubleVector t0 = DoubleVector.fromArray(S, v, o).sub(c);
                DoubleVector t1 = DoubleVector.fromArray(S, v, o + 4).sub(c);
                DoubleVector t2 = DoubleVector.fromArray(S, v, o + 8).sub(c);
                DoubleVector t3 = DoubleVector.fromArray(S, v, o + 12).sub(c);
                s0 = t0.fma(t0, s0);
                s1 = t1.fma(t1, s1);
                s2 = t2.fma(t2, s2);
                s3 = t3.fma(t3, s3);
            }
            s0.intoArray(d, id + i);
            s1.intoArray(d, id + i + 4);
            s2.intoArray(d, id + i + 8);
            s3.intoArray(d, id + i + 12);
        }
        for (; i + 4 <= m; i += 4) {
            DoubleVector s0 = DoubleVector.zero(S);
            for (int j = 0; j < p; j++) {
                DoubleVector t0 = DoubleVector.fromArray(S, v, starts[j] + i).sub(centre[ic + j]);
                s0 = t0.fma(t0, s0);
            }
            s0.intoArray(d, id + i);
        }
        for (; i < m; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                double t = v[starts[j] + i] - centre[ic + j];
                s = Math.fma(t, t, s);
            }
            d[id + i] = s;
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
