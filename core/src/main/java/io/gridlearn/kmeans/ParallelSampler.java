package io.gridlearn.kmeans;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockSampler;

import java.io.IOException;
import java.util.SortedMap;

/**
 * One oversampling round of k-means‖ (Bahmani, Moseley, Vattani, Kumar &amp; Vassilvitskii, "Scalable
 * K-Means++", PVLDB 5(7), 2012, Algorithm 2, step 4): row x is taken independently with probability
 * min(1, ℓ·d²(x, C)/φ_X(C)). The coin is {@link RowHash#uniform}(row id, seed, round), so the sample is
 * the same on every cluster and block size.
 */
public final class ParallelSampler implements BlockSampler {
    private int[] featureColumns;
    private double[] centres;
    private int m;
    private double ell;
    private double phi;
    private long seed;
    private int round;

    /** An empty sampler, for deserialization. */
    public ParallelSampler() {
    }

    /**
     * A sampler for one round.
     *
     * @param featureColumns the block columns of the p features
     * @param centres        the centres C chosen so far, m × p, flattened row-major
     * @param m              the number of centres in C
     * @param ell            the oversampling factor ℓ
     * @param phi            the cost φ_X(C) of the whole dataset
     * @param seed           the seed of the coins
     * @param round          the round's number, a coin seed of its own
     */
    public ParallelSampler(int[] featureColumns, double[] centres, int m, double ell, double phi, long seed,
                           int round) {
        this.featureColumns = featureColumns.clone();
        this.centres = centres.clone();
        this.m = m;
        this.ell = ell;
        this.phi = phi;
        this.seed = seed;
        this.round = round;
    }

    @Override
    public void sample(RowBlock b, long firstRowId, SortedMap<Long, double[]> out) {
        int p = featureColumns.length;
        double[] x = new double[p];
        double[] dist = new double[1];
        for (int r = 0; r < b.rows(); r++) {
            if (!Nearest.gather(b, r, featureColumns, x)) {
                continue;
            }
            Nearest.nearest(x, centres, m, p, dist);
            long id = firstRowId + r;
            if (RowHash.uniform(id, seed, round) < ell * dist[0] / phi) {
                out.put(id, x.clone());
            }
        }
    }

    @Override
    public int getFactoryId() {
        return KmeansSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return KmeansSerializerHook.PARALLEL_SAMPLER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeIntArray(featureColumns);
        out.writeDoubleArray(centres);
        out.writeInt(m);
        out.writeDouble(ell);
        out.writeDouble(phi);
        out.writeLong(seed);
        out.writeInt(round);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        featureColumns = in.readIntArray();
        centres = in.readDoubleArray();
        m = in.readInt();
        ell = in.readDouble();
        phi = in.readDouble();
        seed = in.readLong();
        round = in.readInt();
    }
}
