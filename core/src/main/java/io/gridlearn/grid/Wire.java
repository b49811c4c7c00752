package io.gridlearn.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridlearn.data.RowGrouping;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Wire forms shared by several aggregators, written and read in one place so they cannot drift apart. */
public final class Wire {
    private Wire() {
    }

    public static void writeGrouping(ObjectDataOutput out, RowGrouping g) throws IOException {
        out.writeDouble(g.testFraction());
        out.writeInt(g.folds());
        out.writeLong(g.seed());
    }

    public static RowGrouping readGrouping(ObjectDataInput in) throws IOException {
        return new RowGrouping(in.readDouble(), in.readInt(), in.readLong());
    }

    /** Per-block arrays (R factors, residual moments), in block order. */
    public static void writeBlockMap(ObjectDataOutput out, TreeMap<Integer, double[]> byBlock) throws IOException {
        out.writeInt(byBlock.size());
        for (Map.Entry<Integer, double[]> e : byBlock.entrySet()) {
            out.writeInt(e.getKey());
            out.writeDoubleArray(e.getValue());
        }
    }

    public static TreeMap<Integer, double[]> readBlockMap(ObjectDataInput in) throws IOException {
        TreeMap<Integer, double[]> byBlock = new TreeMap<>();
        int k = in.readInt();
        if (k < 0) {
            throw new IOException("corrupt block map: " + k + " entries");
        }
        for (int i = 0; i < k; i++) {
            byBlock.put(in.readInt(), in.readDoubleArray());
        }
        return byBlock;
    }
}
