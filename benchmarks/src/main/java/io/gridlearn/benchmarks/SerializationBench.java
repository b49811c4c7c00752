package io.gridlearn.benchmarks;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.GridConfigs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One 4096 × 50 row block through a real Hazelcast {@code SerializationService} configured the way members
 * are ({@link GridConfigs#applySerialization}): gridlearn's bulk {@code RowBlockSerializer} against an
 * {@code IdentifiedDataSerializable} that uses {@code writeDoubleArray}. Round trip = {@code toData} then
 * {@code toObject}, which is what every backup, migration and {@code set} of a block costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SerializationBench {
    static final int ROWS = 4096;
    static final int COLS = 50;

    private InternalSerializationService ss;
    private RowBlock block;
    private DoubleArrayBlock ids;

    /** The service members use, plus the comparison class's factory. */
    static InternalSerializationService serializationService() {
        SerializationConfig config = new SerializationConfig();
        GridConfigs.applySerialization(config);
        config.addDataSerializableFactory(DoubleArrayBlock.FACTORY_ID, DoubleArrayBlock.factory());
        return new DefaultSerializationServiceBuilder().setConfig(config).build();
    }

    /** Builds the serialization service and the block, and checks that both forms round-trip. */
    @Setup
    public void setup() {
        ss = serializationService();
        double[] values = BenchData.columnMajor(ROWS, COLS, BenchData.SEED);
        block = new RowBlock(7, ROWS, COLS, values);
        ids = new DoubleArrayBlock(7, ROWS, COLS, values);
        RowBlock back = ss.toObject(ss.toData(block));
        DoubleArrayBlock back2 = ss.toObject(ss.toData(ids));
        if (!Arrays.equals(back.values(), values) || !Arrays.equals(back2.values(), values)) {
            throw new IllegalStateException("round trip changed the values");
        }
        System.out.printf("%nserialized size: RowBlockSerializer %d bytes, IDS writeDoubleArray %d bytes (%d values)%n",
                ss.toData(block).totalSize(), ss.toData(ids).totalSize(), values.length);
    }

    /** Disposes of the serialization service. */
    @TearDown
    public void tearDown() {
        ss.dispose();
    }

    /**
     * The block through {@code RowBlockSerializer}, out and back.
     *
     * @return the block read back
     */
    @Benchmark
    public RowBlock rowBlockSerializerRoundTrip() {
        Data d = ss.toData(block);
        return ss.toObject(d);
    }

    /**
     * The block as an {@code IdentifiedDataSerializable} with {@code writeDoubleArray}, out and back.
     *
     * @return the block read back
     */
    @Benchmark
    public DoubleArrayBlock idsWriteDoubleArrayRoundTrip() {
        Data d = ss.toData(ids);
        return ss.toObject(d);
    }

    /**
     * The block through {@code RowBlockSerializer}, written only.
     *
     * @return the serialized form
     */
    @Benchmark
    public Data rowBlockSerializerWriteOnly() {
        return ss.toData(block);
    }

    /**
     * The block as an {@code IdentifiedDataSerializable} with {@code writeDoubleArray}, written only.
     *
     * @return the serialized form
     */
    @Benchmark
    public Data idsWriteDoubleArrayWriteOnly() {
        return ss.toData(ids);
    }
}
