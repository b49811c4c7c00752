package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.PredictionType;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The sums behind {@code evaluate} of a GLM, next to the data ({@link GlmEvaluation}). Each row is scored as
 * {@code predict} scores it: η from the model's link-scale predictor (features, then the offset when the model
 * has one: {@link BoundPredictor}), μ = g⁻¹(η), so the same bits as {@code predict --type response}. With f the
 * row's frequency weight (1 without a weights column), r = y − μ and d(y, μ) the family's unit deviance
 * (statsmodels' {@code _resid_dev}, {@link Distribution#unitDeviance}):
 *
 * <p>Slots: {@code [rows scored, rows skipped (a non-finite input, response or weight), Σf, Σf·d, Σf·r², Σf·|r|,
 * Σf·(y − c), Σf·(y − c)², Σf·logloss (binomial), rows whose response is outside the family's support, rows whose
 * μ is outside the family's domain, rows with a negative weight, rows whose response is not 0 or 1 (binomial)]},
 * then, for the binomial family, {@value #BINS} weights of rows with y = 0 and {@value #BINS} of rows with y = 1 by
 * bin of logit(μ) (equal bins on [−{@value #RANGE}, {@value #RANGE}]; μ clipped to [1e-15, 1 − 1e-15], so every
 * row falls inside), for the AUC. c is a shift given to the kernel (the second pass of the Gaussian R² centres y
 * on its mean). logloss = −[y log μ' + (1 − y) log(1 − μ')], μ' = μ clipped to [1e-15, 1 − 1e-15] (scikit-learn's
 * {@code log_loss}). Rows with weight 0 are counted as scored and add nothing else. Rows are visited in order, so
 * a block's partial is the same bits wherever it is computed; the runner adds partials exactly.
 */
public final class GlmEvalKernel implements BlockKernel {
    static final int ROWS = 0;
    static final int SKIPPED = 1;
    static final int WEIGHT = 2;
    static final int DEVIANCE = 3;
    static final int SQUARED = 4;
    static final int ABSOLUTE = 5;
    static final int Y = 6;
    static final int YY = 7;
    static final int LOG_LOSS = 8;
    static final int OUTSIDE_SUPPORT = 9;
    static final int OUTSIDE_DOMAIN = 10;
    static final int NEGATIVE_WEIGHT = 11;
    static final int NOT_BINARY = 12;
    static final int HEAD = 13;
    /** Bins of logit(μ) for the binomial AUC. */
    static final int BINS = 8000;
    /** The bins cover logit(μ) in [−RANGE, RANGE]; a clipped μ has |logit(μ)| ≤ 34.6. */
    static final double RANGE = 40.0;
    static final double EPS = 1e-15;

    private String modelJson;
    private int[] inputColumns;
    private int targetColumn;
    private int weightColumn;
    private double shift;
    private transient volatile Scorer scorer;

    /** The parsed model: its link-scale predictor bound to the columns, and its family and link. */
    private record Scorer(BoundPredictor eta, Distribution dist, boolean binomial) {
    }

    /** For Hazelcast's deserialization ({@link GlmSerializerHook}); the fields are then read by {@code readData}. */
    public GlmEvalKernel() {
    }

    /**
     * @param modelJson    the glm model, as JSON
     * @param inputColumns the block column of each of the model's features, then of its offset when it has one
     * @param targetColumn the block column of the response
     * @param weightColumn the block column of the frequency weights, or −1 for none (every row weight 1)
     * @param shift        c, subtracted from y in the sums Σf(y − c) and Σf(y − c)²
     */
    GlmEvalKernel(String modelJson, int[] inputColumns, int targetColumn, int weightColumn, double shift) {
        this.modelJson = modelJson;
        this.inputColumns = inputColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.shift = shift;
    }

    private Scorer scorer() {
        Scorer s = scorer;
        if (s == null) {
            ModelDocument m = ModelJson.read(modelJson, "model");
            Distribution d = GlmLearner.distribution(m);
            s = new Scorer(BoundPredictor.of(m, inputColumns, PredictionType.LINK), d, d.family == Family.BINOMIAL);
            scorer = s;
        }
        return s;
    }

    boolean binomial() {
        return scorer().binomial();
    }

    @Override
    public int width() {
        return HEAD + (binomial() ? 2 * BINS : 0);
    }

    /**
     * The AUC bin of a probability: logit of μ clipped to [1e-15, 1 − 1e-15], in {@value #BINS} equal bins.
     *
     * @param mu a probability
     * @return the bin, in [0, BINS − 1]
     */
    static int bin(double mu) {
        double p = Math.min(1 - EPS, Math.max(EPS, mu));
        double z = Math.log(p / (1 - p));
        int i = (int) Math.floor((z + RANGE) / (2 * RANGE) * BINS);
        return Math.max(0, Math.min(BINS - 1, i));
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        Scorer s = scorer();
        Distribution d = s.dist();
        BoundPredictor bound = s.eta();
        int n = b.rows();
        double[] v = b.values();
        double[] x = bound.newRow();
        int y0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double y = v[y0 + r];
            double f = w0 < 0 ? 1.0 : v[w0 + r];
            if (!bound.gather(v, n, r, x) || !Double.isFinite(y) || !Double.isFinite(f)) {
                partial[SKIPPED]++;
                continue;
            }
            if (f < 0) {
                partial[NEGATIVE_WEIGHT]++;
                continue;
            }
            if (!d.validResponse(y)) {
                partial[OUTSIDE_SUPPORT]++;
                continue;
            }
            partial[ROWS]++;
            if (f == 0) {
                continue;
            }
            double mu = d.inverse(bound.predict(x));
            if (!d.validMean(mu)) {
                partial[OUTSIDE_DOMAIN]++;
                continue;
            }
            double res = y - mu;
            double yc = y - shift;
            partial[WEIGHT] += f;
            partial[DEVIANCE] += f * d.unitDeviance(y, mu);
            partial[SQUARED] += f * (res * res);
            partial[ABSOLUTE] += f * Math.abs(res);
            partial[Y] += f * yc;
            partial[YY] += f * yc * yc;
            if (s.binomial()) {
                double p = Math.min(1 - EPS, Math.max(EPS, mu));
                partial[LOG_LOSS] -= f * (y * Math.log(p) + (1 - y) * Math.log1p(-p));
                if (y == 0 || y == 1) {
                    partial[HEAD + (y == 1 ? BINS : 0) + bin(mu)] += f;
                } else {
                    partial[NOT_BINARY]++;
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
        return GlmSerializerHook.EVAL_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(inputColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeDouble(shift);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        inputColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        shift = in.readDouble();
        scorer = null;
    }
}
