package io.gridlearn.testutil;

import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridlearn.bayes.ClassMomentsKernel;
import io.gridlearn.bayes.ClassSampler;
import io.gridlearn.data.RowBlock;
import io.gridlearn.grid.SerializationIds;
import io.gridlearn.kmeans.HashSampler;
import io.gridlearn.kmeans.LloydKernel;
import io.gridlearn.kmeans.ParallelSampler;
import io.gridlearn.kmeans.RowIdSampler;
import io.gridlearn.pass.BlockKernel;
import io.gridlearn.pass.BlockSampler;
import io.gridlearn.pca.ColumnMomentsKernel;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kernel and sampler survives Hazelcast serialization and then computes the same bits. */
class SerializationRoundTripTest {
    private static final int[] F = Iris.FEATURES;
    private static final double[] C3 = {5, 3, 1.5, 0.2, 6, 2.8, 4.5, 1.4, 6.8, 3, 5.7, 2};

    private static final List<IdentifiedDataSerializable> ALL = List.of(
            new LloydKernel(F, C3, 3),
            new RowIdSampler(F, new long[] {0, 50, 100}),
            new HashSampler(F, 3, 42, -1),
            new ParallelSampler(F, C3, 3, 6, 80, 42, 2),
            new ClassSampler(F, 4),
            new ClassMomentsKernel(F, 4, 3, C3 /* 3 × 4 shifts */),
            new ColumnMomentsKernel(F, new double[] {5, 3, 4, 1}, true));

    @Test
    void roundTripsAndComputesTheSame() {
        SerializationService ss = new DefaultSerializationServiceBuilder()
                .addDataSerializableFactory(SerializationIds.FACTORY_ID, new io.gridlearn.grid.GridlearnDataSerializableFactory())
                .build();
        RowBlock block = Iris.blocks(40).get(1);
        Set<Integer> ids = new HashSet<>();
        for (IdentifiedDataSerializable o : ALL) {
            assertEquals(SerializationIds.FACTORY_ID, o.getFactoryId());
            assertTrue(ids.add(o.getClassId()), "duplicate class id " + o.getClassId());
            IdentifiedDataSerializable copy = ss.toObject(ss.toData(o));
            assertNotSame(o, copy);
            if (o instanceof BlockKernel k) {
                BlockKernel kc = (BlockKernel) copy;
                assertEquals(k.width(), kc.width());
                double[] a = new double[k.width()];
                double[] b = new double[k.width()];
                k.accumulate(block, 40, a);
                kc.accumulate(block, 40, b);
                assertArrayEquals(a, b, 0.0);
            } else {
                TreeMap<Long, double[]> a = new TreeMap<>();
                TreeMap<Long, double[]> b = new TreeMap<>();
                ((BlockSampler) o).sample(block, 40, a);
                ((BlockSampler) copy).sample(block, 40, b);
                assertEquals(a.keySet(), b.keySet());
                for (Long key : a.keySet()) {
                    assertArrayEquals(a.get(key), b.get(key), 0.0);
                }
            }
        }
        assertEquals(Set.of(30, 31, 32, 33, 34, 35, 36), ids);
    }
}
