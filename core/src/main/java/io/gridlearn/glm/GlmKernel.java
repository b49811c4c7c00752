package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.BlockChecks;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.simd.Lanes;
import io.gridlearn.simd.LowerProducts;
import io.gridlearn.simd.Scratch;
import io.gridlearn.simd.Simd;

import java.io.IOException;

/**
 * One IRLS pass of a GLM at the coefficients {@code θ} (intercept first), or at statsmodels' starting means
 * when {@code θ} is null: with η = x·θ + offset, μ = g⁻¹(η), the IRLS weight {@code W = f / (g'(μ)² V(μ))}
 * (f the frequency weight) and the working response {@code z = η − offset + g'(μ)(y − μ)}, it sums
 * X'WX and X'Wz (so that one weighted least-squares solve is the next iterate), the deviance, Pearson's χ²
 * and the scale-free parts of the log-likelihood at μ.
 *
 * <p>Slots: {@code [rows used, Σf, deviance Σ f d(y, μ), Pearson Σ f (y − μ)²/V(μ), 3 log-likelihood parts
 * ({@link Distribution#logLikelihoodParts}), rows whose μ left the family's domain, rows skipped for a
 * non-finite feature, zero-weight rows, X'Wz (q), X'WX packed lower (q(q+1)/2)]}, {@code q = p + 1}.
 * A row with weight 0 is left out exactly; rows are visited in order, so a block's partial is the same bits
 * wherever it is computed (the runner adds partials exactly).
 */
public final class GlmKernel implements BlockKernel {
    private static final Lanes LANES = Simd.lanes();
    static final int ROWS = 0;
    static final int WEIGHT = 1;
    static final int DEVIANCE = 2;
    static final int PEARSON = 3;
    static final int LL = 4;
    static final int INVALID = 7;
    static final int SKIPPED = 8;
    static final int ZERO_WEIGHT = 9;
    static final int HEAD = 10;

    private int[] featureColumns;
    private int[] checkColumns;
    private int targetColumn;
    private int weightColumn;
    private int offsetColumn;
    private int family;
    private int link;
    private double variancePower;
    private double linkPower;
    private double nbAlpha;
    private double[] theta;
    private double startMean;
    private transient Distribution dist;

    /** For Hazelcast's deserialization ({@link GlmSerializerHook}); the fields are then read by {@code readData}. */
    public GlmKernel() {
    }

    /**
     * @param checkColumns the columns whose non-finite values leave a row out (the fit's features: the null
     *                     model, without features, leaves out the same rows as the fit)
     * @param weightColumn frequency weights, or −1
     * @param offsetColumn offsets added to η, or −1
     * @param theta        coefficients (intercept first), or null for statsmodels' starting means
     * @param startMean    the weighted mean response (used only when {@code theta} is null)
     */
    GlmKernel(int[] featureColumns, int[] checkColumns, int targetColumn, int weightColumn, int offsetColumn,
              GlmOptions o, double[] theta, double startMean) {
        this.featureColumns = featureColumns.clone();
        this.checkColumns = checkColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.offsetColumn = offsetColumn;
        this.family = o.family().ordinal();
        this.link = o.link().ordinal();
        this.variancePower = o.variancePower();
        this.linkPower = o.linkPower();
        this.nbAlpha = o.nbAlpha();
        this.theta = theta == null ? null : theta.clone();
        this.startMean = startMean;
    }

    /**
     * The kernel of one IRLS iteration at {@code theta}, without weights or offset: what {@code fit glm} runs
     * once per iteration, for measuring it (the benchmark's {@code glm-irls-iteration}).
     *
     * @param featureColumns the block columns of the p features (a row with a non-finite one is left out)
     * @param targetColumn   the block column of the response
     * @param options        the family and link (other options are not read)
     * @param theta          the p + 1 coefficients, intercept first
     * @return the kernel
     */
    public static GlmKernel iteration(int[] featureColumns, int targetColumn, GlmOptions options, double[] theta) {
        if (theta == null || theta.length != featureColumns.length + 1) {
            throw new IllegalArgumentException("theta must hold " + (featureColumns.length + 1)
                    + " coefficients (intercept first)");
        }
        return new GlmKernel(featureColumns, featureColumns, targetColumn, -1, -1, options, theta, 0.0);
    }

    private Distribution dist() {
        if (dist == null) {
            dist = new Distribution(Family.values()[family], Link.values()[link], variancePower, linkPower, nbAlpha);
        }
        return dist;
    }

    @Override
    public int width() {
        int q = featureColumns.length + 1;
        return HEAD + q + q * (q + 1) / 2;
    }

    static int packed(int i, int j) {
        return i * (i + 1) / 2 + j;
    }

    /**
     * Visits the block's rows in order: rows left out (zero weight, a non-finite feature) first, then η = x·θ
     * column by column (each row's terms in the order j = 0 … p, as a row-wise loop would add them), then μ, the
     * sums that are per row, and the IRLS weight and working response of every row whose μ lies in the family's
     * domain. X'Wz and X'WX are then computed over those rows as dot products ({@link Lanes#dot}) and 4×4 tiles
     * ({@link LowerProducts}), as the logistic Hessian is: a row-wise rank-one update of the packed triangle is
     * bound by the latency of its dependent adds and runs several times slower on the same arithmetic.
     */
    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        Distribution d = dist();
        int p = featureColumns.length;
        int q = p + 1;
        int n = b.rows();
        double[] v = b.values();
        int y0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        int o0 = offsetColumn < 0 ? -1 : b.columnOffset(offsetColumn);
        int[] c0 = new int[checkColumns.length];
        for (int j = 0; j < c0.length; j++) {
            c0[j] = b.columnOffset(checkColumns[j]);
        }
        int[] kept = new int[n];
        int m = 0;
        boolean allKept = BlockChecks.allFinite(v, n, checkColumns); // column by column, as the block is stored
        for (int r = 0; allKept && w0 >= 0 && r < n; r++) {
            allKept = v[w0 + r] != 0.0;
        }
        if (allKept) {
            m = n;
        }
        rows:
        for (int r = 0; !allKept && r < n; r++) {
            if (w0 >= 0 && v[w0 + r] == 0.0) {
                partial[ZERO_WEIGHT]++;
                continue;
            }
            for (int j = 0; j < c0.length; j++) {
                if (!Double.isFinite(v[c0[j] + r])) {
                    partial[SKIPPED]++;
                    continue rows;
                }
            }
            kept[m++] = r;
        }
        if (m == 0) {
            return;
        }
        double[] x = Scratch.get(0, q * m); // column-major, column 0 the intercept's ones
        java.util.Arrays.fill(x, 0, m, 1.0);
        for (int j = 0; j < p; j++) {
            int src = b.columnOffset(featureColumns[j]);
            int dst = (j + 1) * m;
            if (m == n) {
                System.arraycopy(v, src, x, dst, n);
            } else {
                for (int k = 0; k < m; k++) {
                    x[dst + k] = v[src + kept[k]];
                }
            }
        }
        double[] lin = Scratch.get(1, m); // x·θ, without the offset (statsmodels' working response leaves it out)
        if (theta != null) {
            java.util.Arrays.fill(lin, 0, m, 0.0);
            for (int j = 0; j < q; j++) {
                double t = theta[j];
                int col = j * m;
                for (int k = 0; k < m; k++) {
                    lin[k] += t * x[col + k];
                }
            }
        }
        double[] iw = Scratch.get(2, 2 * m); // IRLS weights at [0, m), weight × working response at [m, 2m)
        int valid = 0;
        // the block's sums in locals, added to the partial once: the partial is an array the loop also reads
        // through, and a store and reload per row and slot would chain the rows' additions through memory
        double weightSum = 0.0;
        double deviance = 0.0;
        double pearson = 0.0;
        double[] ll = new double[3];
        for (int k = 0; k < m; k++) {
            int r = allKept ? k : kept[k];
            double w = w0 < 0 ? 1.0 : v[w0 + r];
            double y = v[y0 + r];
            double off = o0 < 0 ? 0.0 : v[o0 + r];
            double eta;
            double mu;
            if (theta == null) {
                mu = d.startMean(y, startMean);
                eta = d.link(mu) - off; // statsmodels: z = g(μ₀) + g'(μ₀)(y − μ₀) − offset
            } else {
                eta = lin[k];
                mu = d.inverse(eta + off);
            }
            weightSum += w;
            if (!d.validMean(mu)) {
                partial[INVALID]++;
                continue;
            }
            double g = d.deriv(mu);
            double var = d.variance(mu);
            double res = y - mu;
            deviance += w * d.unitDeviance(y, mu);
            pearson += w * res * res / var;
            d.logLikelihoodParts(y, mu, w, ll, 0);
            double wt = w / (g * g * var);
            if (valid < k) { // a row was dropped above: move this one's features down over it
                for (int j = 0; j < q; j++) {
                    x[j * m + valid] = x[j * m + k];
                }
            }
            iw[valid] = wt;
            iw[m + valid] = wt * (eta + g * res);
            valid++;
        }
        partial[ROWS] += m;
        partial[WEIGHT] += weightSum;
        partial[DEVIANCE] += deviance;
        partial[PEARSON] += pearson;
        for (int t = 0; t < ll.length; t++) {
            partial[LL + t] += ll[t];
        }
        for (int i = 0; i < q; i++) {
            partial[HEAD + i] += LANES.dot(iw, m, x, i * m, valid);
        }
        double[] u = Scratch.get(3, q * m);
        for (int i = 0; i < q; i++) {
            int col = i * m;
            for (int k = 0; k < valid; k++) {
                u[col + k] = iw[k] * x[col + k];
            }
        }
        int size = q * (q + 1) / 2;
        double[] h = Scratch.get(1, size); // η is no longer needed
        new LowerProducts().compute(u, x, m, q, valid, h, 0);
        int h0 = HEAD + q;
        for (int t = 0; t < size; t++) {
            partial[h0 + t] += h[t];
        }
    }

    @Override
    public int getFactoryId() {
        return GlmSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GlmSerializerHook.GLM_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeIntArray(checkColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeInt(offsetColumn);
        out.writeInt(family);
        out.writeInt(link);
        out.writeDouble(variancePower);
        out.writeDouble(linkPower);
        out.writeDouble(nbAlpha);
        out.writeDoubleArray(theta);
        out.writeDouble(startMean);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        checkColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        offsetColumn = in.readInt();
        family = in.readInt();
        link = in.readInt();
        variancePower = in.readDouble();
        linkPower = in.readDouble();
        nbAlpha = in.readDouble();
        theta = in.readDoubleArray();
        startMean = in.readDouble();
        dist = null;
    }
}
