package io.gridlearn.grid;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.nio.BufferObjectDataInput;
import com.hazelcast.internal.nio.BufferObjectDataOutput;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.gridlearn.data.RowBlock;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk {@link RowBlockSerializer}: its bytes are three ints and a {@code writeByteArray} of the values in
 * little-endian order (what members and clients of every version exchange), and reading gives back every value's
 * bits, whatever the block's size against the reader's chunk.
 */
class RowBlockSerializerTest {
    private final InternalSerializationService ss = new DefaultSerializationServiceBuilder()
            .setConfig(new SerializationConfig()).build();
    private final RowBlockSerializer serializer = new RowBlockSerializer();

    /** The wire layout written independently of the serializer. */
    private byte[] expectedBytes(RowBlock block) throws IOException {
        BufferObjectDataOutput out = ss.createObjectDataOutput();
        out.writeInt(block.blockId());
        out.writeInt(block.rows());
        out.writeInt(block.cols());
        ByteBuffer le = ByteBuffer.allocate(block.values().length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : block.values()) {
            le.putDouble(v);
        }
        out.writeByteArray(le.array());
        return out.toByteArray();
    }

    private byte[] write(RowBlock block) throws IOException {
        BufferObjectDataOutput out = ss.createObjectDataOutput();
        serializer.write(out, block);
        return out.toByteArray();
    }

    private RowBlock read(byte[] bytes) throws IOException {
        BufferObjectDataInput in = ss.createObjectDataInput(bytes);
        RowBlock block = serializer.read(in);
        assertEquals(bytes.length, in.position(), "the whole block is consumed");
        return block;
    }

    private static RowBlock block(int id, int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (random.nextInt(8)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> Double.longBitsToDouble(random.nextLong()); // any bits, NaN payloads included
                case 3 -> Double.NEGATIVE_INFINITY;
                default -> random.nextGaussian() * 1e3;
            };
        }
        return new RowBlock(id, rows, cols, values);
    }

    @Test
    void bytesFollowTheWireLayoutAndEveryValueComesBackBitForBit() throws IOException {
        // sizes around the reader's 8,192-value chunk, an empty block, a load-sized one (4,096 × 52), smaller ones
        // after it (the writer's kept buffer is then longer than the block) and one past the kept buffer's limit
        int past = RowBlockSerializer.MAX_KEPT_BYTES / Double.BYTES + 1;
        int[][] shapes = {{0, 0}, {1, 1}, {3, 7}, {8192, 1}, {8193, 1}, {4096, 2}, {2731, 3}, {4096, 52}, {1, 3},
            {past, 1}, {2, 2}};
        for (int s = 0; s < shapes.length; s++) {
            RowBlock block = block(s + 5, shapes[s][0], shapes[s][1], s);
            byte[] bytes = write(block);
            assertArrayEquals(expectedBytes(block), bytes, "bytes of " + shapes[s][0] + " × " + shapes[s][1]);
            RowBlock back = read(bytes);
            assertEquals(block.blockId(), back.blockId());
            assertEquals(block.rows(), back.rows());
            assertEquals(block.cols(), back.cols());
            for (int i = 0; i < block.values().length; i++) {
                assertEquals(Double.doubleToRawLongBits(block.values()[i]),
                        Double.doubleToRawLongBits(back.values()[i]), "value " + i);
            }
        }
    }

    @Test
    void aLengthThatDoesNotMatchTheShapeIsRefused() throws IOException {
        RowBlock block = block(1, 10, 2, 3);
        byte[] bytes = write(block);
        // rows field (bytes 4..7, big-endian) says 11: 22 values expected, 20 present
        bytes[7] = 11;
        IOException e = assertThrows(IOException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains("160 bytes for 22 values"), e.getMessage());
        BufferObjectDataOutput out = ss.createObjectDataOutput();
        out.writeInt(1);
        out.writeInt(2);
        out.writeInt(2);
        out.writeByteArray(null);
        IOException nulls = assertThrows(IOException.class, () -> read(out.toByteArray()));
        assertTrue(nulls.getMessage().contains("0 bytes for 4 values"), nulls.getMessage());
    }
}
