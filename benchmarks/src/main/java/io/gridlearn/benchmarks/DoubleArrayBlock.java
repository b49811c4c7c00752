package io.gridlearn.benchmarks;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

import java.io.IOException;

/**
 * The field-by-field alternative to {@code RowBlockSerializer}, for comparison only: a row block as an
 * {@link IdentifiedDataSerializable} that writes three ints and Hazelcast's {@code writeDoubleArray}.
 */
public final class DoubleArrayBlock implements IdentifiedDataSerializable {
    /** Not gridlearn's factory id; registered only in the benchmark's serialization service. */
    public static final int FACTORY_ID = 7_770_001;
    /** Its only class id. */
    public static final int CLASS_ID = 1;

    private int blockId;
    private int rows;
    private int cols;
    private double[] values;

    /** For deserialization. */
    public DoubleArrayBlock() {
    }

    /**
     * A block of {@code rows × cols} values, column-major, held without a copy.
     *
     * @param blockId the block's id
     * @param rows its row count
     * @param cols its column count
     * @param values its values, column-major
     */
    public DoubleArrayBlock(int blockId, int rows, int cols, double[] values) {
        this.blockId = blockId;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /**
     * The block's values, not copied.
     *
     * @return the values, column-major
     */
    public double[] values() {
        return values;
    }

    /**
     * The factory to register under {@link #FACTORY_ID} in the benchmark's serialization service.
     *
     * @return a factory that creates this class for {@link #CLASS_ID}
     */
    public static DataSerializableFactory factory() {
        return id -> id == CLASS_ID ? new DoubleArrayBlock() : null;
    }

    @Override
    public int getFactoryId() {
        return FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return CLASS_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(blockId);
        out.writeInt(rows);
        out.writeInt(cols);
        out.writeDoubleArray(values);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        blockId = in.readInt();
        rows = in.readInt();
        cols = in.readInt();
        values = in.readDoubleArray();
        if (values == null || (long) rows * cols != values.length) {
            throw new IOException("corrupt block");
        }
    }
}
