package io.gridlearn.linear;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.grid.GridConfigs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

import static io.gridlearn.linear.BlockQrTest.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QR pass's R factors folded per partition ({@link RFactorGroups}): however the blocks are split across
 * aggregator instances, combined in whatever order, folded early or only on the driver, the merged R has the
 * same bits, those of the documented order; and what a member sends is bounded by its partitions, not its blocks.
 */
class PartitionGroupsTest {
    private static final int[] COLUMNS = {0, 1, 2, 3};
    private static final int Q = 5; // intercept + 3 features + y
    private static final RowGrouping SPLIT = new RowGrouping(0.25, 1, 11);
    /** Live blocks, with gaps (removed blocks); 64 is alone in partition 9 and has no training rows. */
    private static final BlockIds LAYOUT = BlockIds.parse("0-29,33-60,64");
    private static final IntUnaryOperator PARTITION = id -> id == 64 ? 9 : Math.floorMod(id * 7 + 3, 5);
    private static final int BLOCK_SIZE = 9;

    private static InternalSerializationService service() {
        SerializationConfig sc = new SerializationConfig();
        GridConfigs.applySerialization(sc);
        return new DefaultSerializationServiceBuilder().setConfig(sc).build();
    }

    private static RowBlock block(int id) {
        Random rnd = new Random(1000 + id);
        int rows = id % 4 == 1 ? 2 : BLOCK_SIZE; // some blocks have fewer rows than columns
        double[] v = new double[rows * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = id == 64 || id == 17 ? Double.NaN : 100 + rnd.nextGaussian() * (1 + i % 4);
        }
        return new RowBlock(id, rows, 4, v);
    }

    private static LinearPassAggregator fresh(boolean withLayout) {
        return new LinearPassAggregator(COLUMNS, SPLIT, BLOCK_SIZE, true, true, null, withLayout ? LAYOUT : null);
    }

    private static void accumulate(LinearPassAggregator a, int blockId) {
        a.accumulate(new AbstractMap.SimpleEntry<>(blockId, block(blockId)));
    }

    /** The documented order, written out independently: fold each partition's blocks, then the tree over partitions. */
    private static double[] byTheDefinition() {
        TreeMap<Integer, TreeMap<Integer, double[]>> groups = new TreeMap<>();
        for (int id : LAYOUT.toArray()) {
            TrainingRows t = TrainingRows.of(block(id), COLUMNS, SPLIT, BLOCK_SIZE, true, null);
            if (t.rows() > 0) {
                groups.computeIfAbsent(PARTITION.applyAsInt(id), g -> new TreeMap<>())
                        .put(id, BlockQr.factor(t.values(), t.rows(), Q));
            }
        }
        TreeMap<Integer, double[]> perGroup = new TreeMap<>();
        groups.forEach((g, blocks) -> {
            double[] r = null;
            for (double[] b : blocks.values()) {
                r = r == null ? b : BlockQr.merge(r, b, Q);
            }
            perGroup.put(g, r);
        });
        return RFactors.mergeInOrder(perGroup, Q);
    }

    @Test
    void anySplitAndCombinationOrderGivesTheBitsOfTheDocumentedOrder() {
        double[] expected = byTheDefinition();
        LinearPassAggregator one = fresh(true);
        one.usePartitions(PARTITION);
        for (int id : LAYOUT.toArray()) {
            accumulate(one, id);
        }
        one.aggregate();
        assertEquals(6, one.rFactorGroups().mergedGroups(), "every partition is complete in one instance");
        assertEquals(0, one.rFactorGroups().pendingBlocks());
        assertBitIdentical(expected, one.rFactor());

        InternalSerializationService ss = service();
        Random rnd = new Random(7);
        int[] ids = LAYOUT.toArray();
        for (int trial = 0; trial < 40; trial++) {
            int k = 1 + rnd.nextInt(9);
            boolean byPartition = trial % 3 == 0; // like members: each partition on one instance
            List<LinearPassAggregator> clones = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                LinearPassAggregator a = fresh(trial % 5 != 4); // sometimes no layout: nothing folds early
                a.usePartitions(PARTITION);
                clones.add(a);
            }
            for (int id : ids) {
                int c = byPartition ? PARTITION.applyAsInt(id) % k : rnd.nextInt(k);
                accumulate(clones.get(c), id);
            }
            List<LinearPassAggregator> sent = new ArrayList<>();
            for (LinearPassAggregator a : clones) {
                if (rnd.nextBoolean()) {
                    LinearPassAggregator back = ss.toObject(ss.toData(a)); // a partial crossing the network
                    if (rnd.nextBoolean()) {
                        back.usePartitions(PARTITION); // the receiving member's own partition service
                    }
                    sent.add(back);
                } else {
                    sent.add(a);
                }
            }
            Collections.shuffle(sent, rnd);
            LinearPassAggregator driver = fresh(trial % 5 != 4);
            if (rnd.nextBoolean()) {
                driver.usePartitions(PARTITION);
            }
            for (LinearPassAggregator a : sent) {
                driver.combine(a);
            }
            LinearPassAggregator result = rnd.nextBoolean() ? driver.aggregate() : ss.toObject(ss.toData(driver.aggregate()));
            assertEquals(LAYOUT.size(), result.blocks());
            assertBitIdentical(expected, result.rFactor());
        }
    }

    @Test
    void incompletePartitionsKeepTheirBlocksUntilSomeInstanceHoldsThemAll() {
        InternalSerializationService ss = service();
        LinearPassAggregator a = fresh(true);
        LinearPassAggregator b = fresh(true);
        a.usePartitions(PARTITION);
        b.usePartitions(PARTITION);
        for (int id : LAYOUT.toArray()) {
            // partition 0 split between a and b; every other partition wholly in a
            accumulate(PARTITION.applyAsInt(id) == 0 && id % 2 == 0 ? b : a, id);
        }
        LinearPassAggregator aSent = ss.toObject(ss.toData(a));
        LinearPassAggregator bSent = ss.toObject(ss.toData(b));
        assertEquals(List.of(0), aSent.rFactorGroups().pendingGroups(), "partition 0 is incomplete in a");
        assertEquals(5, aSent.rFactorGroups().mergedGroups());
        assertEquals(0, bSent.rFactorGroups().mergedGroups());
        assertTrue(bSent.rFactorGroups().pendingBlocks() > 0);

        bSent.usePartitions(PARTITION);
        bSent.combine(aSent); // now one instance holds all of partition 0: folded
        assertFalse(bSent.rFactorGroups().hasPending());
        assertEquals(6, bSent.rFactorGroups().mergedGroups());
        assertBitIdentical(byTheDefinition(), bSent.rFactor());
    }

    @Test
    void whatAMemberSendsIsBoundedByItsPartitionsNotItsBlocks() {
        InternalSerializationService ss = service();
        int partitions = 7;
        long[] sizes = new long[2];
        int k = 0;
        for (int blocks : new int[] {300, 1200}) {
            BlockIds layout = BlockIds.range(0, blocks);
            LinearPassAggregator qr = new LinearPassAggregator(COLUMNS, RowGrouping.NONE, 4, true, true, null, layout);
            LinearPassAggregator noQr = new LinearPassAggregator(COLUMNS, RowGrouping.NONE, 4, false, true, null, layout);
            LinearPassAggregator noLayout = new LinearPassAggregator(COLUMNS, RowGrouping.NONE, 4, true, true, null, null);
            for (LinearPassAggregator a : List.of(qr, noQr, noLayout)) {
                a.usePartitions(id -> id % partitions);
            }
            for (int id = 0; id < blocks; id++) {
                Random rnd = new Random(id);
                double[] v = new double[4 * 4];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rnd.nextGaussian();
                }
                RowBlock b = new RowBlock(id, 4, 4, v);
                for (LinearPassAggregator a : List.of(qr, noQr, noLayout)) {
                    a.accumulate(new AbstractMap.SimpleEntry<>(id, b));
                }
            }
            long moments = ss.toData(noQr).totalSize();
            long rBytes = ss.toData(qr).totalSize() - moments;
            long perGroup = 4 + 4 + 8L * Q * (Q + 1) / 2; // group id, array length, packed triangle
            assertTrue(rBytes <= 8 + partitions * perGroup, blocks + " blocks: " + rBytes + " bytes of R factors");
            long unfolded = ss.toData(noLayout).totalSize() - moments;
            assertTrue(unfolded > blocks * 8L * Q * (Q + 1) / 2, "without the layout every block travels: " + unfolded);
            sizes[k++] = rBytes;
        }
        assertEquals(sizes[0], sizes[1], "four times the blocks, the same bytes of R factors");
    }

    @Test
    void packedTrianglesRoundTripBitForBit() throws Exception {
        double[] r = byTheDefinition();
        double[] back = RFactorGroups.unpack(RFactorGroups.pack(r, Q), Q);
        assertBitIdentical(r, back);
        assertEquals(0, RFactorGroups.pack(RFactorGroups.NONE, Q).length);
    }
}
