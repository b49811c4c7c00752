package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

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

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        Distribution d = dist();
        int p = featureColumns.length;
        int q = p + 1;
        int n = b.rows();
        double[] v = b.values();
        double[] x = new double[q];
        x[0] = 1.0;
        int h0 = HEAD + q;
        int y0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        int o0 = offsetColumn < 0 ? -1 : b.columnOffset(offsetColumn);
        int[] f0 = new int[p];
        for (int j = 0; j < p; j++) {
            f0[j] = b.columnOffset(featureColumns[j]);
        }
        int[] c0 = new int[checkColumns.length];
        for (int j = 0; j < c0.length; j++) {
            c0[j] = b.columnOffset(checkColumns[j]);
        }
        rows:
        for (int r = 0; r < n; r++) {
            double w = w0 < 0 ? 1.0 : v[w0 + r];
            if (w == 0.0) {
                partial[ZERO_WEIGHT]++;
                continue;
            }
            for (int j = 0; j < c0.length; j++) {
                if (!Double.isFinite(v[c0[j] + r])) {
                    partial[SKIPPED]++;
                    continue rows;
                }
            }
            for (int j = 0; j < p; j++) {
                x[j + 1] = v[f0[j] + r];
            }
            double y = v[y0 + r];
            double off = o0 < 0 ? 0.0 : v[o0 + r];
            double lin; // x·θ, without the offset (statsmodels' working response leaves the offset out)
            double mu;
            if (theta == null) {
                mu = d.startMean(y, startMean);
                lin = d.link(mu) - off; // statsmodels: z = g(μ₀) + g'(μ₀)(y − μ₀) − offset
            } else {
                lin = 0.0;
                for (int j = 0; j < q; j++) {
                    lin += theta[j] * x[j];
                }
                mu = d.inverse(lin + off);
            }
            partial[ROWS]++;
            partial[WEIGHT] += w;
            if (!d.validMean(mu)) {
                partial[INVALID]++;
                continue;
            }
            double g = d.deriv(mu);
            double var = d.variance(mu);
            double res = y - mu;
            partial[DEVIANCE] += w * d.unitDeviance(y, mu);
            partial[PEARSON] += w * res * res / var;
            d.logLikelihoodParts(y, mu, w, partial, LL);
            double iw = w / (g * g * var);
            double z = lin + g * res;
            double iwz = iw * z;
            for (int i = 0; i < q; i++) {
                partial[HEAD + i] += iwz * x[i];
                double wi = iw * x[i];
                int base = h0 + packed(i, 0);
                for (int j = 0; j <= i; j++) {
                    partial[base + j] += wi * x[j];
                }
            }
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
