package io.gridlearn.linear;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.pass.ExactVector;
import io.gridlearn.stats.ExactSum;

import java.io.IOException;

/**
 * The sum of many blocks' {@link ResidualMoments}, order-independent: every (hi, lo) word is added exactly
 * ({@link ExactSum}), and {@link #total} rounds each exact sum back to double-double once (hi = the rounded
 * total, lo = the rounded remainder). The refinement pass on the pass engine ({@link RefinementKernel}) and the
 * single-JVM route ({@link QrLeastSquares#refine(double[], LeastSquaresSolution, Iterable)}) both sum this way,
 * so they give the same bits whatever the order blocks arrive in. O(q²) exact sums whatever the number of blocks.
 */
final class ResidualSums {
    private long rows;
    private int parameters;
    private ExactSum[] words;

    /** Adds one block's moments. */
    void add(ResidualMoments m) {
        double[] d = m.toDoubles();
        rows += (long) d[0];
        parameters = (int) d[1];
        if (words == null) {
            words = ExactVector.zeros(d.length - 2);
        }
        for (int i = 2; i < d.length; i++) {
            words[i - 2].add(d[i]);
        }
    }

    /** Adds another sum (of disjoint blocks, same form). */
    void add(ResidualSums o) {
        rows += o.rows;
        if (o.words != null) {
            parameters = o.parameters;
            if (words == null) {
                words = ExactVector.zeros(o.words.length);
            }
            ExactVector.add(words, o.words);
        }
    }

    /** The moments of all blocks added; null when none had a row. */
    ResidualMoments total() {
        return words == null ? null : total(rows, parameters, words, 0);
    }

    /**
     * Rounds exact sums of (hi, lo) words back to double-double moments: for each pair, W = w_hi + w_lo exactly,
     * hi = fl(W), lo = fl(W − hi). Shared by this class and the refinement pass on the kernel engine
     * ({@link RefinementKernel}), so both give the same bits for the same exact sums.
     *
     * @param rows       rows summed; 0 means none, and gives null
     * @param parameters k
     * @param words      exact sums of the words, from index {@code from}
     * @param from       index of the first word in {@code words}
     * @return the moments, or null when {@code rows} is 0
     */
    static ResidualMoments total(long rows, int parameters, ExactSum[] words, int from) {
        if (rows == 0) {
            return null;
        }
        int n = words.length - from;
        double[] data = new double[n + 2];
        data[0] = rows;
        data[1] = parameters;
        for (int i = 0; i < n; i += 2) {
            ExactSum t = new ExactSum(words[from + i]);
            t.add(words[from + i + 1]);
            double hi = t.doubleValue();
            t.add(-hi);
            data[2 + i] = hi;
            data[3 + i] = t.doubleValue();
        }
        return ResidualMoments.fromDoubles(data);
    }

    void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(rows);
        out.writeInt(parameters);
        out.writeInt(words == null ? -1 : words.length);
        if (words != null) {
            for (ExactSum e : words) {
                e.writeData(out);
            }
        }
    }

    static ResidualSums readData(ObjectDataInput in) throws IOException {
        ResidualSums s = new ResidualSums();
        s.rows = in.readLong();
        s.parameters = in.readInt();
        int n = in.readInt();
        s.words = n < 0 ? null : new ExactSum[n];
        for (int i = 0; i < n; i++) {
            s.words[i] = ExactSum.readData(in);
        }
        return s;
    }
}
