package io.gridlearn.stats;

import java.math.BigInteger;

/**
 * An exact dyadic rational {@code m · 2^e} (BigInteger m, int e): what every finite double, every
 * {@link ExactSum} and every sum and product of them is. Exact arithmetic on these stays in binary, so it avoids
 * the powers of five a {@link java.math.BigDecimal} of such numbers carries (a sum whose lowest bit is
 * 2^-150 is a 150-digit decimal); the moment matrices centre and evaluate quadratic forms with it about ten
 * times faster. Immutable.
 *
 * @param mantissa m
 * @param exponent e
 */
public record Dyadic(BigInteger mantissa, int exponent) {
    /** Zero, {@code 0 · 2^0}. */
    public static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);

    /**
     * The exact value of a finite double.
     *
     * @param x a finite double (subnormals included)
     * @return {@code x} as {@code m · 2^e}, with {@code e = -1074} for subnormals
     * @throws ArithmeticException if {@code x} is infinite or NaN
     */
    public static Dyadic of(double x) {
        if (!Double.isFinite(x)) {
            throw new ArithmeticException("not finite: " + x);
        }
        if (x == 0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(x);
        int exp = (int) ((bits >>> 52) & 0x7FF);
        long m = bits & 0x000F_FFFF_FFFF_FFFFL;
        if (exp == 0) {
            exp = 1;
        } else {
            m |= 1L << 52;
        }
        return new Dyadic(BigInteger.valueOf(x < 0 ? -m : m), exp - 1075);
    }

    /**
     * The exact value of a long.
     *
     * @param n any long
     * @return {@code n · 2^0}
     */
    public static Dyadic of(long n) {
        return new Dyadic(BigInteger.valueOf(n), 0);
    }

    /**
     * The exact product.
     *
     * @param o the other factor
     * @return {@code this · o}
     */
    public Dyadic multiply(Dyadic o) {
        return new Dyadic(mantissa.multiply(o.mantissa), exponent + o.exponent);
    }

    /**
     * The exact sum, at the smaller of the two exponents.
     *
     * @param o the other term
     * @return {@code this + o}
     */
    public Dyadic add(Dyadic o) {
        if (o.mantissa.signum() == 0) {
            return this;
        }
        if (mantissa.signum() == 0) {
            return o;
        }
        if (exponent <= o.exponent) {
            return new Dyadic(mantissa.add(o.mantissa.shiftLeft(o.exponent - exponent)), exponent);
        }
        return new Dyadic(mantissa.shiftLeft(exponent - o.exponent).add(o.mantissa), o.exponent);
    }

    /**
     * The exact negation.
     *
     * @return {@code -this}
     */
    public Dyadic negate() {
        return new Dyadic(mantissa.negate(), exponent);
    }

    /**
     * The value rounded once to the nearest double (ties to even).
     *
     * @return the nearest double
     */
    public double toDouble() {
        return divideToDouble(1);
    }

    /**
     * {@code this / n} rounded once to the nearest double (ties to even): the quotient is formed with at least
     * 62 significant bits and a sticky bit for any remainder, so the one rounding of {@code long → double} is
     * the correct one (gradual underflow aside, where {@code Math.scalb} may round a second time).
     *
     * @param n the divisor, {@code > 0}
     * @return the nearest double to {@code this / n}
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public double divideToDouble(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("divisor must be positive, was " + n);
        }
        return divide(BigInteger.valueOf(n), 0);
    }

    /**
     * {@code this / d} rounded once to the nearest double (ties to even), as {@link #divideToDouble(long)}: with
     * {@code d = M · 2^E}, the quotient is {@code (m / M) · 2^(e − E)}, so the same correctly rounded division of
     * integers serves (a weight total Σw as the divisor of weighted moments).
     *
     * @param d the divisor, {@code > 0}
     * @return the nearest double to {@code this / d}
     * @throws IllegalArgumentException if {@code d <= 0}
     */
    public double divideToDouble(Dyadic d) {
        if (d.mantissa.signum() <= 0) {
            throw new IllegalArgumentException("divisor must be positive, was " + d.toDouble());
        }
        return divide(d.mantissa, -d.exponent);
    }

    /** {@code this / div · 2^shift}, div &gt; 0, correctly rounded. */
    private double divide(BigInteger div, int shift0) {
        int signum = mantissa.signum();
        if (signum == 0) {
            return 0.0;
        }
        BigInteger mag = mantissa.abs();
        int s = Math.max(0, 64 + div.bitLength() - mag.bitLength());
        BigInteger[] qr = mag.shiftLeft(s).divideAndRemainder(div);
        BigInteger q = qr[0];
        int shift = Math.max(0, q.bitLength() - 62);
        long top = q.shiftRight(shift).longValueExact();
        if ((shift > 0 && q.getLowestSetBit() < shift) || qr[1].signum() != 0) {
            top |= 1;
        }
        double d = Math.scalb((double) top, exponent - s + shift + shift0);
        return signum < 0 ? -d : d;
    }
}
