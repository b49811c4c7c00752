package io.gridlearn.glm;

import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GlmKernel}'s blocked sums against the definition in its class comment, summed row by row here: the
 * kernel collects the rows it uses into columns and forms X'Wz and X'WX by dot products and tiles, so its last
 * bits may differ from a row-wise loop but nothing else may (counts exactly, sums to 1e-13 relative). The block
 * mixes every kind of row the kernel must leave out: zero weights, non-finite features, and fitted means outside
 * the family's domain (Poisson with an identity link and rows where x·θ < 0), between rows it keeps.
 */
class GlmKernelTest {
    private static final int N = 53;
    private static final int X1 = 0;
    private static final int X2 = 1;
    private static final int X3 = 2;
    private static final int Y = 3;
    private static final int W = 4;
    private static final int OFF = 5;

    @Test
    void blockedSumsEqualTheRowWiseDefinition() {
        RowBlock b = block();
        int[] features = {X1, X2, X3};
        double[] theta = {0.4, 0.3, -0.2, 0.1};
        GlmOptions identity = GlmOptions.of(Family.POISSON).withLink(Link.IDENTITY);
        double[] got = run(new GlmKernel(features, features, Y, W, OFF, identity, theta, 1.0), b);
        double[] want = rowWise(b, features, W, OFF, identity, theta);
        assertTrue(want[GlmKernel.INVALID] >= 5, "the block must hold rows whose mean leaves the domain");
        assertTrue(want[GlmKernel.SKIPPED] >= 3 && want[GlmKernel.ZERO_WEIGHT] >= 3, "and rows left out");
        same(want, got);

        GlmOptions gamma = GlmOptions.of(Family.GAMMA).withLink(Link.LOG);
        same(rowWise(b, features, -1, -1, gamma, theta), run(new GlmKernel(features, features, Y, -1, -1, gamma,
                theta, 1.0), b));
        double start = 1.7;
        same(rowWise(b, new int[0], W, OFF, gamma, null, start, features),
                run(new GlmKernel(new int[0], features, Y, W, OFF, gamma, null, start), b));
    }

    private static double[] run(GlmKernel k, RowBlock b) {
        double[] partial = new double[k.width()];
        k.accumulate(b, 0, partial);
        return partial;
    }

    private static void same(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < GlmKernel.HEAD; i++) {
            if (i == GlmKernel.ROWS || i >= GlmKernel.INVALID) {
                assertEquals(want[i], got[i], "count slot " + i);
            }
        }
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-13 * Math.max(1.0, Math.abs(want[i])), "slot " + i);
        }
    }

    private static RowBlock block() {
        SplittableRandom random = new SplittableRandom(20261205L);
        double[] v = new double[N * 6];
        for (int r = 0; r < N; r++) {
            v[X1 * N + r] = random.nextDouble(-3, 3);
            v[X2 * N + r] = random.nextDouble(-2, 4);
            v[X3 * N + r] = random.nextGaussian();
            v[Y * N + r] = 1 + random.nextInt(6);
            v[W * N + r] = r % 7 == 2 ? 0.0 : random.nextDouble(0.5, 3);
            v[OFF * N + r] = random.nextDouble(-0.1, 0.1);
        }
        v[X2 * N + 4] = Double.NaN;
        v[X1 * N + 17] = Double.POSITIVE_INFINITY;
        v[X3 * N + 40] = Double.NaN;
        return new RowBlock(0, N, 6, v);
    }

    private static double[] rowWise(RowBlock b, int[] features, int weight, int offset, GlmOptions o, double[] theta) {
        return rowWise(b, features, weight, offset, o, theta, 1.0, features);
    }

    /** The slots of {@link GlmKernel}'s class comment, one row at a time. */
    private static double[] rowWise(RowBlock b, int[] features, int weight, int offset, GlmOptions o, double[] theta,
                                    double startMean, int[] checks) {
        Distribution d = new Distribution(o.family(), o.link(), o.variancePower(), o.linkPower(), o.nbAlpha());
        int q = features.length + 1;
        double[] s = new double[GlmKernel.HEAD + q + q * (q + 1) / 2];
        double[] v = b.values();
        rows:
        for (int r = 0; r < N; r++) {
            double w = weight < 0 ? 1.0 : v[weight * N + r];
            if (w == 0.0) {
                s[GlmKernel.ZERO_WEIGHT]++;
                continue;
            }
            for (int c : checks) {
                if (!Double.isFinite(v[c * N + r])) {
                    s[GlmKernel.SKIPPED]++;
                    continue rows;
                }
            }
            double[] x = new double[q];
            x[0] = 1.0;
            for (int j = 0; j < features.length; j++) {
                x[j + 1] = v[features[j] * N + r];
            }
            double y = v[Y * N + r];
            double off = offset < 0 ? 0.0 : v[offset * N + r];
            double lin;
            double mu;
            if (theta == null) {
                mu = d.startMean(y, startMean);
                lin = d.link(mu) - off;
            } else {
                lin = 0.0;
                for (int j = 0; j < q; j++) {
                    lin += theta[j] * x[j];
                }
                mu = d.inverse(lin + off);
            }
            s[GlmKernel.ROWS]++;
            s[GlmKernel.WEIGHT] += w;
            if (!d.validMean(mu)) {
                s[GlmKernel.INVALID]++;
                continue;
            }
            double g = d.deriv(mu);
            double var = d.variance(mu);
            s[GlmKernel.DEVIANCE] += w * d.unitDeviance(y, mu);
            s[GlmKernel.PEARSON] += w * (y - mu) * (y - mu) / var;
            d.logLikelihoodParts(y, mu, w, s, GlmKernel.LL);
            double iw = w / (g * g * var);
            double z = lin + g * (y - mu);
            for (int i = 0; i < q; i++) {
                s[GlmKernel.HEAD + i] += iw * z * x[i];
                for (int j = 0; j <= i; j++) {
                    s[GlmKernel.HEAD + q + GlmKernel.packed(i, j)] += iw * x[i] * x[j];
                }
            }
        }
        return s;
    }
}
