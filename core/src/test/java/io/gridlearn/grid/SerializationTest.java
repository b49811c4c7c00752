package io.gridlearn.grid;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.PredictProcessor;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.linear.BlockFitProcessor;
import io.gridlearn.linear.LinearPassAggregator;
import io.gridlearn.linear.RefinementAggregator;
import io.gridlearn.stats.ColumnStatsAggregator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerializationTest {
    private static InternalSerializationService service() {
        SerializationConfig sc = new SerializationConfig();
        GridConfigs.applySerialization(sc);
        return new DefaultSerializationServiceBuilder().setConfig(sc).build();
    }

    @Test
    void everyIdIsUniqueAndEveryClassIdIsCreatedByTheFactory() throws Exception {
        Set<Integer> classIds = new HashSet<>();
        GridlearnDataSerializableFactory f = new GridlearnDataSerializableFactory();
        for (Field field : SerializationIds.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != int.class) {
                continue;
            }
            int id = field.getInt(null);
            if (field.getName().endsWith("FACTORY_ID") || field.getName().endsWith("TYPE_ID")) {
                continue;
            }
            assertTrue(classIds.add(id), "duplicate class id " + id + " (" + field.getName() + ")");
            IdentifiedDataSerializable created = f.create(id);
            assertNotNull(created, field.getName() + " is not created by the factory");
            assertEquals(id, created.getClassId(), field.getName());
            assertEquals(SerializationIds.FACTORY_ID, created.getFactoryId(), field.getName());
        }
        assertTrue(classIds.size() >= 6);
        assertTrue(SerializationIds.ROW_BLOCK_TYPE_ID > 0 && SerializationIds.ROW_BLOCK_TYPE_ID != SerializationIds.FACTORY_ID);
    }

    private static RowBlock block(int id, int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        v[3] = Double.NaN;
        return new RowBlock(id, rows, cols, v);
    }

    @Test
    void rowBlocksRoundTripBitForBit() {
        InternalSerializationService ss = service();
        RowBlock b = block(7, 100, 5, 1);
        RowBlock back = ss.toObject(ss.toData(b));
        assertEquals(7, back.blockId());
        assertEquals(100, back.rows());
        assertEquals(5, back.cols());
        for (int i = 0; i < b.values().length; i++) {
            assertEquals(Double.doubleToRawLongBits(b.values()[i]), Double.doubleToRawLongBits(back.values()[i]));
        }
    }

    /** Accumulate, round-trip, and compare the re-serialized bytes: every field is written and read symmetrically. */
    @Test
    void everyAggregatorAndProcessorRoundTrips() {
        InternalSerializationService ss = service();
        RowGrouping g = new RowGrouping(0.2, 3, 5);
        int[] cols = {0, 1, 2, 3};
        List<Object> objects = new java.util.ArrayList<>();
        ColumnStatsAggregator stats = new ColumnStatsAggregator();
        // the QR pass folds the R factors of a partition it holds completely: blocks 0 and 2 share partition 0
        // (block 0 is skipped below, so that partition stays incomplete: its block 2 travels alone), block 1 is
        // alone in partition 1 (complete: one folded R)
        io.gridlearn.data.BlockIds layout = io.gridlearn.data.BlockIds.range(0, 3);
        LinearPassAggregator pass = new LinearPassAggregator(cols, g, 50, true, true, null, layout);
        pass.usePartitions(id -> id % 2);
        RegressionMetricsAggregator metrics = new RegressionMetricsAggregator(new int[] {0, 1, 2}, 3, 0.5,
                new double[] {1, 2, 3}, g, 50);
        RefinementAggregator refine = new RefinementAggregator(cols, g, 50, true, new double[] {0.1, 0.2, 0.3, 0.4});
        // mean imputation: fill values travel with the passes, and the means pass carries exact sums
        LinearPassAggregator filled = new LinearPassAggregator(cols, g, 50, true, true, new double[] {1, 2, 3});
        filled.usePartitions(id -> id % 2);
        io.gridlearn.linear.FeatureMeansAggregator means = new io.gridlearn.linear.FeatureMeansAggregator(
                new int[] {0, 1, 2}, 3, g, 50);
        for (int b = 0; b < 3; b++) {
            RowBlock block = block(b, 50, 5, b);
            AbstractMap.SimpleEntry<Integer, RowBlock> e = new AbstractMap.SimpleEntry<>(b, block);
            filled.accumulate(e);
            means.accumulate(e);
            if (b != 0) { // block 0 holds a NaN in a used column; the others do not
                stats.accumulate(e);
                pass.accumulate(e);
                metrics.accumulate(e);
                refine.accumulate(e);
            }
        }
        objects.add(stats);
        objects.add(pass);
        objects.add(metrics);
        objects.add(refine);
        objects.add(filled);
        objects.add(means);
        objects.add(new PredictProcessor("{\"format\":\"gridlearn-model/1\"}", new int[] {0, 1}, 2));
        objects.add(new io.gridlearn.pass.KernelAggregator(new io.gridlearn.eval.ClassificationKernel("{}", new int[] {0, 1}, 2, 3), 50));
        objects.add(new BlockFitProcessor(cols, g, 50));
        objects.add(new io.gridlearn.linear.BlockMomentsProcessor(new LinearPassAggregator(cols, RowGrouping.NONE, 50,
                false, true)));
        for (Object o : objects) {
            byte[] once = ss.toData(o).toByteArray();
            Object back = ss.toObject(ss.toData(o));
            assertEquals(o.getClass(), back.getClass());
            assertArrayEquals(once, ss.toData(back).toByteArray(), o.getClass().getSimpleName() + " does not round-trip");
        }
    }
}
