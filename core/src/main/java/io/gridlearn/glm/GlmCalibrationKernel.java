package io.gridlearn.glm;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.model.BoundPredictor;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The calibration chart of a GLM's report, next to the data: every row is scored as {@code predict} scores it
 * (μ = g⁻¹(b₀ + x·b + offset), {@link BoundPredictor}) and falls in bin k when k of the sorted {@code edges} are
 * ≤ μ (so B = edges + 1 bins). Slots: {@code [Σf per bin (B), Σf·μ per bin (B), Σf·y per bin (B), rows left out]},
 * f the frequency weight (1 without a weights column); the chart plots Σf·y / Σf (mean observed) against
 * Σf·μ / Σf (mean predicted) per bin. Rows with a missing input, response or weight, a non-positive weight, or a
 * response or mean outside the family's range are left out (counted in the last slot).
 */
public final class GlmCalibrationKernel implements BlockKernel {
    private String modelJson;
    private int[] inputColumns;
    private int targetColumn;
    private int weightColumn;
    private double[] edges;
    private transient volatile Distribution dist;
    private final transient BoundPredictor.Lazy bound = new BoundPredictor.Lazy(
            () -> BoundPredictor.of(modelJson, inputColumns));

    /** For Hazelcast's deserialization ({@link GlmSerializerHook}); the fields are then read by {@code readData}. */
    public GlmCalibrationKernel() {
    }

    /**
     * @param modelJson    the glm model, as JSON
     * @param inputColumns the block column of each of the model's features, then of its offset when it has one
     * @param targetColumn the block column of the response
     * @param weightColumn the block column of the frequency weights, or −1
     * @param edges        the bin edges of μ, ascending
     */
    GlmCalibrationKernel(String modelJson, int[] inputColumns, int targetColumn, int weightColumn, double[] edges) {
        this.modelJson = modelJson;
        this.inputColumns = inputColumns.clone();
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.edges = edges.clone();
    }

    private Distribution dist() {
        Distribution d = dist;
        if (d == null) {
            d = GlmLearner.distribution(io.gridlearn.model.ModelJson.read(modelJson, "model"));
            dist = d;
        }
        return d;
    }

    @Override
    public int width() {
        return 3 * (edges.length + 1) + 1;
    }

    static int bin(double mu, double[] edges) {
        int k = 0;
        while (k < edges.length && mu >= edges[k]) {
            k++;
        }
        return k;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        BoundPredictor p = bound.get();
        Distribution d = dist();
        int bins = edges.length + 1;
        int n = b.rows();
        double[] v = b.values();
        double[] x = p.newRow();
        int y0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double y = v[y0 + r];
            double f = w0 < 0 ? 1.0 : v[w0 + r];
            if (!p.gather(v, n, r, x) || !Double.isFinite(y) || !(f > 0) || !Double.isFinite(f)
                    || !d.validResponse(y)) {
                partial[3 * bins]++;
                continue;
            }
            double mu = p.predict(x);
            if (!d.validMean(mu)) {
                partial[3 * bins]++;
                continue;
            }
            int k = bin(mu, edges);
            partial[k] += f;
            partial[bins + k] += f * mu;
            partial[2 * bins + k] += f * y;
        }
    }

    @Override
    public int getFactoryId() {
        return GlmSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GlmSerializerHook.CALIBRATION_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(modelJson);
        out.writeIntArray(inputColumns);
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeDoubleArray(edges);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        modelJson = in.readString();
        inputColumns = in.readIntArray();
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        edges = in.readDoubleArray();
        dist = null;
    }
}
