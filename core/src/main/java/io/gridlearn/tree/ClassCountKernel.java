package io.gridlearn.tree;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowBlock;
import io.gridlearn.pass.BlockKernel;

import java.io.IOException;

/**
 * The label check of a softmax gbt fit: over every row (held-out share included, so that scoring it finds only
 * known classes), the sums {@code [Σw of class 0, …, Σw of class K−1, rows whose label is not an integer in
 * 0 … K−1]}, w the row's weight (1 without a weight column). The project's classifiers take the classes
 * 0 … K−1, each present.
 */
public final class ClassCountKernel implements BlockKernel {
    private int targetColumn;
    private int weightColumn;
    private int classes;

    /** For deserialization. */
    public ClassCountKernel() {
    }

    /**
     * @param targetColumn the label's position
     * @param weightColumn the weight column's position, or −1
     * @param classes      K ≥ 1
     */
    ClassCountKernel(int targetColumn, int weightColumn, int classes) {
        this.targetColumn = targetColumn;
        this.weightColumn = weightColumn;
        this.classes = classes;
    }

    @Override
    public int width() {
        return classes + 1;
    }

    @Override
    public void accumulate(RowBlock b, long firstRowId, double[] partial) {
        double[] v = b.values();
        int n = b.rows();
        int t0 = b.columnOffset(targetColumn);
        int w0 = weightColumn < 0 ? -1 : b.columnOffset(weightColumn);
        for (int r = 0; r < n; r++) {
            double y = v[t0 + r];
            if (!(y >= 0 && y < classes && y == Math.rint(y))) {
                partial[classes]++;
                continue;
            }
            partial[(int) y] += w0 < 0 ? 1 : v[w0 + r];
        }
    }

    @Override
    public int getFactoryId() {
        return TreeSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return TreeSerializerHook.CLASS_COUNT_KERNEL;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(targetColumn);
        out.writeInt(weightColumn);
        out.writeInt(classes);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        targetColumn = in.readInt();
        weightColumn = in.readInt();
        classes = in.readInt();
    }
}
