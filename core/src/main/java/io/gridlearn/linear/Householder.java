package io.gridlearn.linear;

/**
 * Elementary Householder reflectors in the style of LAPACK {@code dlarfg} / {@code dnrm2}, shared by
 * {@link BlockQr#factor} and {@link BlockQr#merge}.
 *
 * <p>For a vector {@code (alpha, x)} the reflector {@code H = I - tau v v'} with {@code v = (1, x/(alpha-beta))}
 * maps it onto {@code (beta, 0)}, where {@code beta = -sign(alpha) ||(alpha, x)||}. Choosing the sign
 * opposite to {@code alpha} avoids cancellation in {@code alpha - beta}. The norm is computed by the
 * scaled sum of squares of the reference BLAS {@code dnrm2} (Hammarling), so it neither overflows nor
 * underflows for any finite input (a plain sum of squares is used when it is provably as good), and LAPACK's rescaling loop handles a tiny {@code beta}.
 * Everything is sequential and uses only correctly rounded operations ({@code +,-,*,/, sqrt, fma}) and
 * {@link StrictMath#hypot}, so results are bit-reproducible on every Java 17 platform.
 */
final class Householder {
    /** LAPACK's {@code dlamch('S') / dlamch('E')}: below this, beta is rescaled. */
    private static final double SAFMIN = Double.MIN_NORMAL / (Math.ulp(1.0) / 2);
    /** 2^-900: a sum of squares above this lost nothing that matters to underflow. */
    private static final double SAFE_SUM_MIN = 0x1.0p-900;

    private Householder() {
    }

    /**
     * Euclidean norm of {@code len} elements of {@code a} starting at {@code off} with stride
     * {@code stride}, by the scaled sum of squares: {@code ||a|| = scale * sqrt(ssq)}.
     */
    static double norm2(double[] a, int off, int len, int stride) {
        // Fast path: the plain sum of squares is accurate whenever it neither overflows nor sits so low that
        // squares which underflowed could matter (below 2^-900 a lost square is under 2^-100 of the total).
        double ss = 0.0;
        for (int i = 0, k = off; i < len; i++, k += stride) {
            ss = Math.fma(a[k], a[k], ss);
        }
        if (ss < Double.POSITIVE_INFINITY && ss > SAFE_SUM_MIN) {
            return Math.sqrt(ss);
        }
        if (ss == 0.0 && allZero(a, off, len, stride)) {
            return 0.0;
        }
        return scaledNorm2(a, off, len, stride);
    }

    private static boolean allZero(double[] a, int off, int len, int stride) {
        for (int i = 0, k = off; i < len; i++, k += stride) {
            if (a[k] != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** The reference BLAS {@code dnrm2}: never overflows or underflows, for any finite input. */
    static double scaledNorm2(double[] a, int off, int len, int stride) {
        double scale = 0.0;
        double ssq = 1.0;
        for (int i = 0, k = off; i < len; i++, k += stride) {
            double v = a[k];
            if (v != 0.0) {
                double av = Math.abs(v);
                if (scale < av) {
                    double r = scale / av;
                    ssq = 1.0 + ssq * r * r;
                    scale = av;
                } else {
                    double r = av / scale;
                    ssq += r * r;
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    /**
     * Generates the reflector for {@code alpha = a[alphaIdx]} and the {@code len} elements of {@code a}
     * at {@code off, off+stride, ...}. On return {@code a[alphaIdx] = beta}, the elements hold
     * {@code v(2:)}, and the result is {@code tau} ({@code 0} means {@code H = I}: nothing to annihilate).
     */
    static double generate(double[] a, int alphaIdx, int off, int len, int stride) {
        return generate(a, alphaIdx, a, off, len, stride);
    }

    /** As {@link #generate(double[], int, int, int, int)} with alpha in {@code h} and the vector in {@code a}. */
    static double generate(double[] h, int alphaIdx, double[] a, int off, int len, int stride) {
        double alpha = h[alphaIdx];
        double xnorm = norm2(a, off, len, stride);
        if (xnorm == 0.0) {
            return 0.0;
        }
        double beta = -Math.copySign(StrictMath.hypot(alpha, xnorm), alpha);
        int knt = 0;
        if (Math.abs(beta) < SAFMIN) {
            double rsafmn = 1.0 / SAFMIN;
            do {
                knt++;
                scale(a, off, len, stride, rsafmn);
                beta *= rsafmn;
                alpha *= rsafmn;
            } while (Math.abs(beta) < SAFMIN && knt < 20);
            xnorm = norm2(a, off, len, stride);
            beta = -Math.copySign(StrictMath.hypot(alpha, xnorm), alpha);
        }
        double tau = (beta - alpha) / beta;
        double denom = alpha - beta;
        for (int i = 0, k = off; i < len; i++, k += stride) {
            a[k] /= denom;
        }
        for (int j = 0; j < knt; j++) {
            beta *= SAFMIN;
        }
        h[alphaIdx] = beta;
        return tau;
    }

    private static void scale(double[] a, int off, int len, int stride, double s) {
        for (int i = 0, k = off; i < len; i++, k += stride) {
            a[k] *= s;
        }
    }
}
