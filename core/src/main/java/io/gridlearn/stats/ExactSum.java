package io.gridlearn.stats;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An exact, order-independent sum of doubles: a long fixed-point accumulator in the spirit of Kulisch's
 * "long accumulator" (Kulisch &amp; Miranker, <i>Computer Arithmetic in Theory and Practice</i>, 1981).
 *
 * <p>Why it exists: a grid merges partial statistics in whatever order members answer, and floating-point
 * addition is not associative, so an ordinary {@code double} sum changes in the last bits when data moves
 * between members (measured: 1e-11 relative after a member loss). Adding every partial exactly and rounding
 * once at the end makes the result a function of the data alone, bit for bit, on any cluster size.
 *
 * <p>Representation: a finite double is {@code m · 2^(E − 1074)} with an integer {@code 0 ≤ m < 2^53} and
 * {@code 0 ≤ E ≤ 2045}. The sum is kept as {@code Σ bins[i] · 2^(32(i + offset) − 1074)}: every addition
 * splits {@code m · 2^(E mod 32)} into three 32-bit digits added to three adjacent signed 64-bit bins, so a
 * bin can absorb 2^30 additions before carries must be propagated ({@link #normalize()}). Only the bins a
 * sum touches are allocated (a statistic's terms span a few binades, so a sum is typically 3 to 6 longs).
 * Infinities and NaN are tracked apart, with IEEE semantics for the final value.
 *
 * <p>Products enter exactly through {@link #addProduct(double, double)}: {@code a·b = p + e} with
 * {@code p = fl(a·b)} and {@code e = fma(a, b, −p)} (Dekker's two-product, exact barring underflow).
 */
public final class ExactSum {
    private static final int BIAS = 1074;
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final int NORMALIZE_AFTER = 1 << 30;

    private long[] bins;
    private int offset;
    private int pendingAdds;
    private boolean nan;
    private boolean posInf;
    private boolean negInf;

    /** The empty sum, zero. */
    public ExactSum() {
    }

    /**
     * A copy of {@code other}.
     *
     * @param other the sum to copy
     */
    public ExactSum(ExactSum other) {
        this.bins = other.bins == null ? null : other.bins.clone();
        this.offset = other.offset;
        this.pendingAdds = other.pendingAdds;
        this.nan = other.nan;
        this.posInf = other.posInf;
        this.negInf = other.negInf;
    }

    /**
     * Adds {@code x} exactly.
     *
     * @param x any double; an infinity or NaN makes the sum non-finite
     */
    public void add(double x) {
        long raw = Double.doubleToRawLongBits(x);
        int exp = (int) ((raw >>> 52) & 0x7FF);
        long m = raw & 0x000F_FFFF_FFFF_FFFFL;
        if (exp == 0x7FF) {
            if (m != 0) {
                nan = true;
            } else if (raw < 0) {
                negInf = true;
            } else {
                posInf = true;
            }
            return;
        }
        if (exp == 0 && m == 0) {
            return;
        }
        int e;
        if (exp == 0) {
            e = 0;
        } else {
            m |= 1L << 52;
            e = exp - 1;
        }
        int bin = e >>> 5;
        int shift = e & 31;
        long t0 = (m & MASK32) << shift;
        long t1 = ((m >>> 32) << shift) + (t0 >>> 32);
        long d0 = t0 & MASK32;
        long d1 = t1 & MASK32;
        long d2 = t1 >>> 32;
        ensure(bin, bin + 2);
        int i = bin - offset;
        if (raw < 0) {
            bins[i] -= d0;
            bins[i + 1] -= d1;
            bins[i + 2] -= d2;
        } else {
            bins[i] += d0;
            bins[i + 1] += d1;
            bins[i + 2] += d2;
        }
        if (++pendingAdds >= NORMALIZE_AFTER) {
            normalize();
        }
    }

    /**
     * Adds the exact product {@code a·b} (two terms: the rounded product and its rounding error).
     *
     * @param a the first factor
     * @param b the second factor
     */
    public void addProduct(double a, double b) {
        double p = a * b;
        add(p);
        if (Double.isFinite(p)) {
            add(Math.fma(a, b, -p));
        }
    }

    /**
     * Adds the exact product {@code a·b·c} (up to four terms).
     *
     * @param a the first factor
     * @param b the second factor
     * @param c the third factor
     */
    public void addProduct(double a, double b, double c) {
        double p = a * b;
        if (!Double.isFinite(p)) {
            add(p * c);
            return;
        }
        double e = Math.fma(a, b, -p);
        addProduct(p, c);
        addProduct(e, c);
    }

    /**
     * Adds {@code sign · other} exactly.
     *
     * @param other the sum to add
     * @param sign +1 or −1
     */
    public void add(ExactSum other, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be +1 or -1, was " + sign);
        }
        nan |= other.nan;
        if (sign > 0) {
            posInf |= other.posInf;
            negInf |= other.negInf;
        } else {
            posInf |= other.negInf;
            negInf |= other.posInf;
        }
        if (other.bins == null) {
            return;
        }
        if (pendingAdds + other.pendingAdds + 1 >= NORMALIZE_AFTER) {
            normalize();
        }
        ensure(other.offset, other.offset + other.bins.length - 1);
        int base = other.offset - offset;
        for (int i = 0; i < other.bins.length; i++) {
            bins[base + i] += sign * other.bins[i];
        }
        pendingAdds += other.pendingAdds + 1;
    }

    /**
     * Adds {@code other} exactly.
     *
     * @param other the sum to add
     */
    public void add(ExactSum other) {
        add(other, 1);
    }

    /**
     * Whether the sum is zero.
     *
     * @return true when nothing non-zero has been added
     */
    public boolean isZero() {
        if (nan || posInf || negInf) {
            return false;
        }
        if (bins != null) {
            for (long b : bins) {
                if (b != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the sum is not finite.
     *
     * @return true when an infinity or NaN was added
     */
    public boolean isNonFinite() {
        return nan || posInf || negInf;
    }

    private double nonFiniteValue() {
        if (nan || (posInf && negInf)) {
            return Double.NaN;
        }
        return posInf ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The exact value as an integer times {@code 2^(32·offset − 1074)}. */
    private BigInteger mantissa() {
        if (bins == null) {
            return BigInteger.ZERO;
        }
        BigInteger acc = BigInteger.ZERO;
        for (int i = bins.length - 1; i >= 0; i--) {
            acc = acc.shiftLeft(32).add(BigInteger.valueOf(bins[i]));
        }
        return acc;
    }

    /**
     * The exact sum as a binary fraction. Throws for a non-finite sum (check {@link #isNonFinite()} first).
     *
     * @return the exact sum
     */
    public Dyadic toDyadic() {
        if (isNonFinite()) {
            throw new ArithmeticException("the sum is not finite: " + nonFiniteValue());
        }
        return new Dyadic(mantissa(), 32 * offset - BIAS);
    }

    /**
     * The exact sum. Throws for a non-finite sum (check {@link #isNonFinite()} first).
     *
     * @return the exact sum as a decimal
     */
    public BigDecimal toBigDecimal() {
        if (isNonFinite()) {
            throw new ArithmeticException("the sum is not finite: " + nonFiniteValue());
        }
        BigInteger m = mantissa();
        int scale2 = 32 * offset - BIAS;
        if (scale2 >= 0) {
            return new BigDecimal(m.shiftLeft(scale2));
        }
        // m · 2^-k = m · 5^k / 10^k, exactly
        int k = -scale2;
        return new BigDecimal(m.multiply(fivePow(k)), k);
    }

    private static final BigInteger[] FIVE_POWERS = new BigInteger[BIAS + 1];

    /** 5^k, cached: conversions of many sums with similar scales reuse the same powers. */
    private static BigInteger fivePow(int k) {
        BigInteger p = FIVE_POWERS[k];
        if (p == null) {
            p = BigInteger.valueOf(5).pow(k);
            FIVE_POWERS[k] = p; // a benign race: every thread computes the same value
        }
        return p;
    }

    /**
     * The sum rounded once to the nearest double (ties to even), or its IEEE non-finite value.
     *
     * @return the nearest double, or NaN or an infinity as IEEE addition of the same terms would give
     */
    public double doubleValue() {
        if (isNonFinite()) {
            return nonFiniteValue();
        }
        BigInteger m = mantissa();
        int signum = m.signum();
        if (signum == 0) {
            return 0.0;
        }
        BigInteger mag = m.abs();
        int bitLength = mag.bitLength();
        int shift = Math.max(0, bitLength - 62);
        long top = mag.shiftRight(shift).longValueExact();
        if (shift > 0 && mag.getLowestSetBit() < shift) {
            top |= 1; // sticky bit: the discarded bits lie below the rounding position
        }
        double d = Math.scalb((double) top, 32 * offset - BIAS + shift);
        return signum < 0 ? -d : d;
    }

    /** Propagates carries so that every bin but the top one lies in [0, 2^32). */
    public void normalize() {
        pendingAdds = 0;
        if (bins == null) {
            return;
        }
        for (int i = 0; i < bins.length - 1; i++) {
            long carry = bins[i] >> 32;
            bins[i] -= carry << 32;
            bins[i + 1] += carry;
        }
        long top = bins[bins.length - 1];
        if (top >= (1L << 32) || top < -(1L << 32)) {
            bins = Arrays.copyOf(bins, bins.length + 1);
            normalize();
        }
    }

    private void ensure(int lo, int hi) {
        if (bins == null) {
            bins = new long[hi - lo + 1];
            offset = lo;
            return;
        }
        int curHi = offset + bins.length - 1;
        if (lo >= offset && hi <= curHi) {
            return;
        }
        int newLo = Math.min(lo, offset);
        int newHi = Math.max(hi, curHi);
        long[] grown = new long[newHi - newLo + 1];
        System.arraycopy(bins, 0, grown, offset - newLo, bins.length);
        bins = grown;
        offset = newLo;
    }

    /**
     * Writes the sum (normalised first, so equal sums write equal bytes).
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeData(ObjectDataOutput out) throws IOException {
        normalize();
        trim();
        int flags = (nan ? 1 : 0) | (posInf ? 2 : 0) | (negInf ? 4 : 0);
        out.writeByte(flags);
        if (bins == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bins.length);
        out.writeInt(offset);
        for (long b : bins) {
            out.writeLong(b);
        }
    }

    /**
     * Reads a sum written by {@link #writeData}.
     *
     * @param in where to read
     * @return the sum
     * @throws IOException if reading fails or the data are corrupt
     */
    public static ExactSum readData(ObjectDataInput in) throws IOException {
        ExactSum s = new ExactSum();
        int flags = in.readByte();
        s.nan = (flags & 1) != 0;
        s.posInf = (flags & 2) != 0;
        s.negInf = (flags & 4) != 0;
        int len = in.readInt();
        if (len >= 0) {
            if (len > 80) {
                throw new IOException("corrupt ExactSum: " + len + " bins (at most 80 are possible)");
            }
            s.offset = in.readInt();
            s.bins = new long[len];
            for (int i = 0; i < len; i++) {
                s.bins[i] = in.readLong();
            }
        }
        return s;
    }

    private void trim() {
        if (bins == null) {
            return;
        }
        int lo = 0;
        int hi = bins.length - 1;
        while (lo <= hi && bins[lo] == 0) {
            lo++;
        }
        while (hi >= lo && bins[hi] == 0) {
            hi--;
        }
        if (lo > hi) {
            bins = null;
            offset = 0;
        } else if (lo > 0 || hi < bins.length - 1) {
            bins = Arrays.copyOfRange(bins, lo, hi + 1);
            offset += lo;
        }
    }

    @Override
    public String toString() {
        return isNonFinite() ? String.valueOf(nonFiniteValue()) : toBigDecimal().toString();
    }
}
