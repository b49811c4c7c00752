package io.gridlearn.stats;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact first and second moments of a q-vector z over a set of rows: the count n, the sums
 * {@code S = Σ z} and the cross products {@code A = Σ z z'} (lower triangle, packed), each held as an
 * {@link ExactSum}.
 *
 * <p>Blocks enter shifted: for a block of m rows with shift c (its rounded mean), the caller computes
 * {@code e = Σ (z − c)} and {@code D = Σ (z − c)(z − c)'} in floating point, where the terms are small, and
 * this class adds, exactly,
 * <pre>
 *   S += e + m c
 *   A += D + c e' + e c' + m c c'
 * </pre>
 * which equals {@code Σ z z'} up to the rounding inside D and e only, i.e. relative to the block's spread
 * rather than to its magnitude. Centring at the end, {@code C = A − S S'/n}, is then done exactly, so the
 * catastrophic cancellation of the textbook one-pass formula never happens (it is what makes a widely used
 * engine report a negative variance for data with mean 1e9 and standard deviation 1e-3). Because every
 * merge is exact, the result does not depend on how rows were split among blocks' owners or in which order
 * partial results were combined.
 */
public final class MomentMatrix {
    private static final MathContext MC = new MathContext(40);

    private final int q;
    private long n;
    private final ExactSum[] sums;
    private final ExactSum[] cross;
    /** Exact values of the sums, computed on first use after a change (centring reads each one p times). */
    private transient BigDecimal[] sumValues;

    public MomentMatrix(int q) {
        if (q < 1) {
            throw new IllegalArgumentException("q must be >= 1, was " + q);
        }
        this.q = q;
        this.sums = new ExactSum[q];
        this.cross = new ExactSum[q * (q + 1) / 2];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = new ExactSum();
        }
        for (int i = 0; i < cross.length; i++) {
            cross[i] = new ExactSum();
        }
    }

    /** Index of (j, k), k ≤ j, in the packed lower triangle. */
    public static int packed(int j, int k) {
        return j >= k ? j * (j + 1) / 2 + k : k * (k + 1) / 2 + j;
    }

    public int dimension() {
        return q;
    }

    public long count() {
        return n;
    }

    /**
     * Adds a block of {@code m} rows given its shift {@code c}, shifted sums {@code e} and shifted cross
     * products {@code d} (packed lower triangle).
     */
    public void addShifted(int m, double[] c, double[] e, double[] d) {
        if (m == 0) {
            return;
        }
        sumValues = null;
        n += m;
        for (int j = 0; j < q; j++) {
            sums[j].add(e[j]);
            sums[j].addProduct(m, c[j]);
            for (int k = 0; k <= j; k++) {
                ExactSum a = cross[packed(j, k)];
                a.add(d[packed(j, k)]);
                a.addProduct(c[j], e[k]);
                a.addProduct(e[j], c[k]);
                a.addProduct(m, c[j], c[k]);
            }
        }
    }

    /** Adds {@code sign ·} another moment matrix of the same dimension, exactly. */
    public void add(MomentMatrix other, int sign) {
        if (other.q != q) {
            throw new IllegalArgumentException("dimension mismatch: " + other.q + " vs " + q);
        }
        sumValues = null;
        n += sign * other.n;
        for (int i = 0; i < q; i++) {
            sums[i].add(other.sums[i], sign);
        }
        for (int i = 0; i < cross.length; i++) {
            cross[i].add(other.cross[i], sign);
        }
    }

    /** True when a non-finite value entered (the caller normally filters such rows out first). */
    public boolean isNonFinite() {
        for (ExactSum s : sums) {
            if (s.isNonFinite()) {
                return true;
            }
        }
        return false;
    }

    public BigDecimal sumExact(int j) {
        BigDecimal[] cache = sumValues;
        if (cache == null) {
            cache = new BigDecimal[q];
            for (int i = 0; i < q; i++) {
                cache[i] = sums[i].toBigDecimal();
            }
            sumValues = cache;
        }
        return cache[j];
    }

    public BigDecimal crossExact(int j, int k) {
        return cross[packed(j, k)].toBigDecimal();
    }

    /** Mean of component j, correctly rounded (up to the 40-digit division). */
    public double mean(int j) {
        return sumExact(j).divide(BigDecimal.valueOf(n), MC).doubleValue();
    }

    /** Σ z_j z_k, correctly rounded. */
    public double raw(int j, int k) {
        return cross[packed(j, k)].doubleValue();
    }

    /** Σ (z_j − mean_j)(z_k − mean_k) = (n A_jk − S_j S_k) / n, computed exactly then rounded once. */
    public double centred(int j, int k) {
        BigDecimal num = BigDecimal.valueOf(n).multiply(crossExact(j, k)).subtract(sumExact(j).multiply(sumExact(k)));
        return num.divide(BigDecimal.valueOf(n), MC).doubleValue();
    }

    /**
     * The exact value of {@code Σ (v·z + c)²} = {@code v'Av + 2c v'S + n c²}, e.g. the residual sum of squares
     * of a linear model when z = [x, y], v = [−b, 1] and c = −b0. Computed in exact arithmetic from A and S,
     * so no cancellation occurs however good the fit; rounded once.
     */
    public double sumOfSquares(double[] v, double c) {
        if (v.length != q) {
            throw new IllegalArgumentException("v has length " + v.length + ", expected " + q);
        }
        BigDecimal[] bv = new BigDecimal[q];
        for (int j = 0; j < q; j++) {
            bv[j] = new BigDecimal(v[j]);
        }
        BigDecimal acc = BigDecimal.ZERO;
        BigDecimal linear = BigDecimal.ZERO;
        for (int j = 0; j < q; j++) {
            if (v[j] == 0) {
                continue;
            }
            linear = linear.add(bv[j].multiply(sumExact(j)));
            for (int k = 0; k <= j; k++) {
                if (v[k] == 0) {
                    continue;
                }
                BigDecimal term = bv[j].multiply(bv[k]).multiply(crossExact(j, k));
                acc = acc.add(j == k ? term : term.add(term));
            }
        }
        BigDecimal bc = new BigDecimal(c);
        acc = acc.add(BigDecimal.valueOf(2).multiply(bc).multiply(linear))
                .add(BigDecimal.valueOf(n).multiply(bc).multiply(bc));
        return acc.doubleValue();
    }

    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(q);
        out.writeLong(n);
        for (ExactSum s : sums) {
            s.writeData(out);
        }
        for (ExactSum s : cross) {
            s.writeData(out);
        }
    }

    public static MomentMatrix readData(ObjectDataInput in) throws IOException {
        int q = in.readInt();
        if (q < 1 || q > 100_000) {
            throw new IOException("corrupt MomentMatrix: dimension " + q);
        }
        MomentMatrix m = new MomentMatrix(q);
        m.n = in.readLong();
        for (int i = 0; i < m.sums.length; i++) {
            m.sums[i] = ExactSum.readData(in);
        }
        for (int i = 0; i < m.cross.length; i++) {
            m.cross[i] = ExactSum.readData(in);
        }
        return m;
    }
}
