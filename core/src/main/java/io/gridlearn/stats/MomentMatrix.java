package io.gridlearn.stats;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;

import java.io.IOException;
import java.math.BigDecimal;

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
 *
 * <p><b>Frequency weights.</b> Moments can also be weighted ({@link #addShiftedWeighted}): row i of weight
 * wᵢ ≥ 0 counts as wᵢ copies of itself, so the weight total {@code W = Σ wᵢ} takes the place of n in every
 * formula ({@code S = Σ wᵢ zᵢ}, {@code A = Σ wᵢ zᵢ zᵢ'}, the mean {@code S/W}, the centred cross products
 * {@code A − S S'/W}). A block of weight total W_b, with shift c, {@code e = Σ w (z − c)} and
 * {@code D = Σ w (z − c)(z − c)'}, adds {@code S += e + W_b c} and {@code A += D + c e' + e c' + W_b c c'}
 * exactly, as above. When W_b is itself rounded (weights that are not whole numbers), what is added is exactly the
 * block plus a phantom row at c of weight W_b − Σw, about 1e-16 W_b: as c is the block's weighted mean, that
 * moves the centred moments by a rounding relative to the block's spread, never to its magnitude. W is an
 * {@link ExactSum} and {@link #weight()} its value; {@link #count()} stays the number of rows that entered
 * (zero-weight rows included, though they add nothing). Unweighted moments are the same object with
 * {@code W = n}, and their arithmetic is unchanged.
 */
public final class MomentMatrix {

    private final int q;
    private long n;
    /** The exact weight total W, or null for unweighted moments (W = n). */
    private ExactSum weight;
    private transient Dyadic weightDyadic;
    private final ExactSum[] sums;
    private final ExactSum[] cross;
    /**
     * Exact values of the sums and cross products as binary fractions, computed on first use after a change
     * (centring reads each sum p times).
     */
    private transient Dyadic[] sumDyadics;
    private transient Dyadic[] crossDyadics;

    /**
     * Empty moments (no rows) of a q-vector.
     *
     * @param q the dimension, {@code >= 1}
     */
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

    /**
     * Index of (j, k), k ≤ j, in the packed lower triangle.
     *
     * @param j a component, {@code 0 <= j < q}
     * @param k a component, {@code 0 <= k < q} (either order)
     * @return {@code j(j+1)/2 + k} for {@code k <= j}, and the index of (k, j) otherwise
     */
    public static int packed(int j, int k) {
        return j >= k ? j * (j + 1) / 2 + k : k * (k + 1) / 2 + j;
    }

    /**
     * The dimension q.
     *
     * @return the number of components of z
     */
    public int dimension() {
        return q;
    }

    /**
     * The row count n.
     *
     * @return the rows added (less those subtracted)
     */
    public long count() {
        return n;
    }

    /**
     * Whether the moments are weighted ({@link #addShiftedWeighted}).
     *
     * @return true when a weighted block entered
     */
    public boolean isWeighted() {
        return weight != null;
    }

    /**
     * The weight total W: Σw for weighted moments, the row count n otherwise.
     *
     * @return W, rounded once
     */
    public double weight() {
        return weight == null ? n : weight.doubleValue();
    }

    /**
     * The weight total W exactly (Σw, or n when unweighted).
     *
     * @return W as a binary fraction
     */
    public Dyadic weightDyadic() {
        if (weight == null) {
            return Dyadic.of(n);
        }
        if (weightDyadic == null) {
            weightDyadic = weight.toDyadic();
        }
        return weightDyadic;
    }

    /** num / W, rounded once: the unweighted path divides by the count as it always has. */
    private double divideByWeight(Dyadic num) {
        return weight == null ? num.divideToDouble(n) : num.divideToDouble(weightDyadic());
    }

    /**
     * Adds a weighted block: {@code rows} rows (zero-weight rows may be counted here and left out of the sums) of
     * weight total {@code w}, with shift {@code c}, weighted shifted sums {@code e = Σ w (z − c)} and weighted
     * shifted cross products {@code d = Σ w (z − c)(z − c)'} (packed lower triangle). Makes the moments weighted.
     *
     * @param rows the rows the block contributes to {@link #count()}
     * @param w    the block's weight total, finite and ≥ 0; 0 adds nothing but the rows
     * @param c    the shift of each component
     * @param e    the weighted shifted sums
     * @param d    the weighted shifted cross products, packed
     */
    public void addShiftedWeighted(int rows, double w, double[] c, double[] e, double[] d) {
        makeWeighted();
        n += rows;
        if (w == 0) {
            return;
        }
        sumDyadics = null;
        crossDyadics = null;
        weightDyadic = null;
        weight.add(w);
        for (int j = 0; j < q; j++) {
            sums[j].add(e[j]);
            sums[j].addProduct(w, c[j]);
            for (int k = 0; k <= j; k++) {
                ExactSum a = cross[packed(j, k)];
                a.add(d[packed(j, k)]);
                a.addProduct(c[j], e[k]);
                a.addProduct(e[j], c[k]);
                a.addProduct(w, c[j], c[k]);
            }
        }
    }

    /** From here on the weight total is kept apart from n (equal to it so far). */
    private void makeWeighted() {
        if (weight == null) {
            weight = new ExactSum();
            weight.add((double) n);
            weightDyadic = null;
        }
    }

    /**
     * Adds a block of {@code m} rows given its shift {@code c}, shifted sums {@code e} and shifted cross
     * products {@code d} (packed lower triangle).
     *
     * @param m the block's row count; 0 adds nothing
     * @param c the shift of each component
     * @param e the shifted sums {@code Σ (z − c)}
     * @param d the shifted cross products {@code Σ (z − c)(z − c)'}, packed
     */
    public void addShifted(int m, double[] c, double[] e, double[] d) {
        if (m == 0) {
            return;
        }
        sumDyadics = null;
        crossDyadics = null;
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

    /**
     * Adds {@code sign ·} another moment matrix of the same dimension, exactly.
     *
     * @param other moments of the same dimension
     * @param sign +1 to add, −1 to subtract
     */
    public void add(MomentMatrix other, int sign) {
        if (other.q != q) {
            throw new IllegalArgumentException("dimension mismatch: " + other.q + " vs " + q);
        }
        sumDyadics = null;
        crossDyadics = null;
        weightDyadic = null;
        if (weight != null || other.weight != null) {
            makeWeighted();
            if (other.weight != null) {
                weight.add(other.weight, sign);
            } else {
                weight.add((double) (sign * other.n));
            }
        }
        n += sign * other.n;
        for (int i = 0; i < q; i++) {
            sums[i].add(other.sums[i], sign);
        }
        for (int i = 0; i < cross.length; i++) {
            cross[i].add(other.cross[i], sign);
        }
    }

    /**
     * Whether a non-finite value entered (the caller normally filters such rows out first).
     *
     * @return true when some sum holds an infinity or NaN
     */
    public boolean isNonFinite() {
        for (ExactSum s : sums) {
            if (s.isNonFinite()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Σ z_j exactly, as a decimal (the moments' own arithmetic uses {@link #sumDyadic}).
     *
     * @param j a component, {@code 0 <= j < q}
     * @return the exact sum
     */
    public BigDecimal sumExact(int j) {
        return sums[j].toBigDecimal();
    }

    /**
     * Σ z_j z_k exactly, as a decimal (the moments' own arithmetic uses {@link #crossDyadic}).
     *
     * @param j a component, {@code 0 <= j < q}
     * @param k a component, {@code 0 <= k < q} (either order)
     * @return the exact sum of products
     */
    public BigDecimal crossExact(int j, int k) {
        return cross[packed(j, k)].toBigDecimal();
    }

    /**
     * Mean of component j, correctly rounded.
     *
     * @param j a component, {@code 0 <= j < q}
     * @return {@code S_j / n} (S_j / W when weighted) rounded once
     */
    public double mean(int j) {
        return divideByWeight(sumDyadic(j));
    }

    /**
     * Σ z_j z_k, correctly rounded.
     *
     * @param j a component, {@code 0 <= j < q}
     * @param k a component, {@code 0 <= k < q} (either order)
     * @return {@code A_jk} rounded once
     */
    public double raw(int j, int k) {
        return cross[packed(j, k)].doubleValue();
    }

    /**
     * Σ (z_j − mean_j)(z_k − mean_k) = (n A_jk − S_j S_k) / n (W for n when weighted), computed exactly (in binary, {@link Dyadic}) then
     * rounded once.
     *
     * @param j a component, {@code 0 <= j < q}
     * @param k a component, {@code 0 <= k < q} (either order)
     * @return the centred cross product, rounded once
     */
    public double centred(int j, int k) {
        Dyadic num = weightDyadic().multiply(crossAt(packed(j, k)))
                .add(sumDyadic(j).multiply(sumDyadic(k)).negate());
        return divideByWeight(num);
    }

    /**
     * Σ z_j z_k exactly, as a binary fraction (cached until the moments change).
     *
     * @param j a component, {@code 0 <= j < q}
     * @param k a component, {@code 0 <= k < q} (either order)
     * @return {@code A_jk} exactly
     */
    public Dyadic crossDyadic(int j, int k) {
        return crossAt(packed(j, k));
    }

    private Dyadic crossAt(int i) {
        Dyadic[] cache = crossDyadics;
        if (cache == null) {
            cache = new Dyadic[cross.length];
            crossDyadics = cache;
        }
        if (cache[i] == null) {
            cache[i] = cross[i].toDyadic();
        }
        return cache[i];
    }

    /**
     * Σ z_j exactly, as a binary fraction (cached until the moments change).
     *
     * @param j a component, {@code 0 <= j < q}
     * @return {@code S_j} exactly
     */
    public Dyadic sumDyadic(int j) {
        Dyadic[] cache = sumDyadics;
        if (cache == null) {
            cache = new Dyadic[q];
            for (int i = 0; i < q; i++) {
                cache[i] = sums[i].toDyadic();
            }
            sumDyadics = cache;
        }
        return cache[j];
    }

    /**
     * The exact value of {@code Σ (v·z + c)²} = {@code v'Av + 2c v'S + n c²} (W for n when weighted), e.g. the residual sum of squares
     * of a linear model when z = [x, y], v = [−b, 1] and c = −b0. Computed in exact arithmetic from A and S,
     * so no cancellation occurs however good the fit; rounded once.
     *
     * @param v the coefficients, one per component
     * @param c the constant
     * @return {@code Σ (v·z + c)²} rounded once
     */
    public double sumOfSquares(double[] v, double c) {
        if (v.length != q) {
            throw new IllegalArgumentException("v has length " + v.length + ", expected " + q);
        }
        Dyadic[] dv = new Dyadic[q];
        for (int j = 0; j < q; j++) {
            dv[j] = Dyadic.of(v[j]);
        }
        Dyadic acc = Dyadic.ZERO;
        Dyadic linear = Dyadic.ZERO;
        for (int j = 0; j < q; j++) {
            if (v[j] == 0) {
                continue;
            }
            linear = linear.add(dv[j].multiply(sumDyadic(j)));
            // Σ_{k<j} 2 v_k A_jk + v_j A_jj, then times v_j
            Dyadic row = Dyadic.ZERO;
            for (int k = 0; k < j; k++) {
                if (v[k] != 0) {
                    row = row.add(dv[k].multiply(crossAt(packed(j, k))));
                }
            }
            row = row.add(row).add(dv[j].multiply(crossAt(packed(j, j))));
            acc = acc.add(dv[j].multiply(row));
        }
        Dyadic dc = Dyadic.of(c);
        acc = acc.add(Dyadic.of(2).multiply(dc).multiply(linear)).add(weightDyadic().multiply(dc).multiply(dc));
        return acc.toDouble();
    }

    /**
     * Writes the moments: q, n, then every exact sum, then whether they are weighted and W.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(q);
        out.writeLong(n);
        for (ExactSum s : sums) {
            s.writeData(out);
        }
        for (ExactSum s : cross) {
            s.writeData(out);
        }
        out.writeBoolean(weight != null);
        if (weight != null) {
            weight.writeData(out);
        }
    }

    /**
     * Reads moments written by {@link #writeData}.
     *
     * @param in where to read
     * @return the moments
     * @throws IOException if reading fails or the data are corrupt
     */
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
        if (in.readBoolean()) {
            m.weight = ExactSum.readData(in);
        }
        return m;
    }
}
