package io.gridlearn.data.hostmap;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.BadInputException;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.Linear;
import io.gridlearn.Missing;
import io.gridlearn.Model;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.StagedBlocks;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Gridlearn.fromMap}: a dataset from a host map of Compact records (built as {@code GenericRecord}s, so no
 * domain class exists anywhere) or of {@code HazelcastJsonValue} documents equals the same rows loaded from CSV, on
 * 1, 2 and 3 members; its blocks live in their source entries' partitions; nulls, unknown paths and mixed kinds are
 * refused in one line naming map, key and path, leaving no dataset behind.
 */
class FromMapTest {
    private static final String[] SEGMENTS = {"enterprise", "retail", "smb"};
    private static final String[] PATHS = {"price", "qty", "express", "customer.segment", "y"};

    @TempDir
    Path tmp;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** One order: the same numbers go into the maps and the CSV. */
    private record Order(long key, Double price, int qty, boolean express, String segment, double y) {
    }

    /**
     * {@code n} orders from a fixed seed. The first three rows carry the segments in sorted order, so that the CSV
     * loader (which numbers levels by first appearance) and the map conversion (sorted dictionary) agree on codes.
     */
    private static List<Order> orders(int n, long seed) {
        Random rnd = new Random(seed);
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double price = Math.round(rnd.nextDouble() * 100_000) / 100.0;
            int qty = 1 + rnd.nextInt(20);
            boolean express = rnd.nextBoolean();
            String segment = i < 3 ? SEGMENTS[i] : SEGMENTS[rnd.nextInt(3)];
            double y = 3 + 0.5 * price - 2 * qty + 7 * (express ? 1 : 0) + rnd.nextGaussian();
            out.add(new Order(1000L + 7L * i, price, qty, express, segment, y));
        }
        return out;
    }

    private static GenericRecord compact(Order o) {
        return GenericRecordBuilder.compact("Order")
                .setNullableFloat64("price", o.price())
                .setInt32("qty", o.qty())
                .setBoolean("express", o.express())
                .setGenericRecord("customer", GenericRecordBuilder.compact("Customer").setString("segment", o.segment()).build())
                .setFloat64("y", o.y())
                .build();
    }

    private static HazelcastJsonValue json(Order o) {
        return new HazelcastJsonValue(String.format(Locale.ROOT,
                "{\"price\":%s,\"qty\":%d,\"express\":%b,\"customer\":{\"segment\":\"%s\",\"since\":2019},\"y\":%s}",
                o.price() == null ? "null" : Double.toString(o.price()), o.qty(), o.express(), o.segment(),
                Double.toString(o.y())));
    }

    private static void fillCompact(HazelcastInstance hz, String map, List<Order> orders) {
        IMap<Long, GenericRecord> m = hz.getMap(map);
        for (Order o : orders) {
            m.set(o.key(), compact(o));
        }
    }

    private static void fillJson(HazelcastInstance hz, String map, List<Order> orders) {
        IMap<Long, HazelcastJsonValue> m = hz.getMap(map);
        for (Order o : orders) {
            m.set(o.key(), json(o));
        }
    }

    private Path csv(List<Order> orders) throws IOException {
        List<String> lines = new ArrayList<>(List.of(String.join(",", PATHS)));
        for (Order o : orders) {
            lines.add(o.price() + "," + o.qty() + "," + (o.express() ? 1 : 0) + "," + o.segment() + "," + o.y());
        }
        Path p = tmp.resolve("orders-" + orders.size() + ".csv");
        Files.write(p, lines);
        return p;
    }

    /** Every row of a dataset as a tuple, sorted: equal lists mean equal multisets of rows, bit for bit. */
    private static List<double[]> rows(HazelcastInstance hz, Dataset d) {
        List<double[]> out = new ArrayList<>();
        for (RowBlock b : new DatasetCatalog(hz).blocks(d.schema()).values()) {
            for (int r = 0; r < b.rows(); r++) {
                double[] row = new double[b.cols()];
                for (int c = 0; c < b.cols(); c++) {
                    row[c] = b.get(r, c);
                }
                out.add(row);
            }
        }
        out.sort((a, b) -> Arrays.compare(a, b));
        return out;
    }

    private static void assertSameData(HazelcastInstance hz, Dataset expected, Dataset actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.columns(), actual.columns());
        for (int c = 0; c < expected.columns().size(); c++) {
            assertEquals(expected.columnSpecs().get(c).kind(), actual.columnSpecs().get(c).kind(), expected.columns().get(c));
            assertEquals(expected.columnSpecs().get(c).levels(), actual.columnSpecs().get(c).levels());
        }
        List<double[]> e = rows(hz, expected);
        List<double[]> a = rows(hz, actual);
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.get(i), a.get(i), "row " + i);
        }
    }

    /** Each block's partition is its source entries' partition: the conversion moved no row between partitions. */
    private static void assertColocated(HazelcastInstance hz, Dataset d) {
        PartitionService ps = hz.getPartitionService();
        IMap<Integer, SourceKeys> keys = hz.getMap(StagedBlocks.keysMapName(d.schema().mapName()));
        var ss = ((SerializationServiceSupport) hz).getSerializationService();
        long seen = 0;
        for (int id : d.schema().layout().toArray()) {
            SourceKeys k = keys.get(id);
            int blockPartition = ps.getPartition(id).getPartitionId();
            for (int r = 0; r < k.size(); r++) {
                Object key = ss.toObject(new HeapData(k.key(r)));
                assertEquals(blockPartition, ps.getPartition(key).getPartitionId(), "block " + id + ", key " + key);
                seen++;
            }
        }
        assertEquals(d.rows(), seen);
    }

    private static void assertBitIdentical(Model expected, Model actual) {
        assertEquals(Double.doubleToRawLongBits(expected.intercept()), Double.doubleToRawLongBits(actual.intercept()));
        for (int i = 0; i < expected.coefficients().length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected.coefficients()[i]),
                    Double.doubleToRawLongBits(actual.coefficients()[i]), "coefficient " + i);
        }
    }

    private static void assertSameBlocks(HazelcastInstance hz, Dataset expected, Dataset actual) {
        assertEquals(expected.schema().layout(), actual.schema().layout());
        IMap<Integer, RowBlock> e = new DatasetCatalog(hz).blocks(expected.schema());
        IMap<Integer, RowBlock> a = new DatasetCatalog(hz).blocks(actual.schema());
        for (int id : expected.schema().layout().toArray()) {
            RowBlock x = e.get(id);
            RowBlock y = a.get(id);
            assertEquals(x.rows(), y.rows(), "block " + id);
            for (int i = 0; i < x.values().length; i++) {
                assertEquals(Double.doubleToRawLongBits(x.values()[i]), Double.doubleToRawLongBits(y.values()[i]),
                        "block " + id + " value " + i);
            }
        }
    }

    /**
     * The single-JVM reference of a conversion: the orders grouped by their key's partition, each partition's rows
     * sorted by serialized key and cut into blocks under that partition's ids ({@link HostMapLoader#keysPerPartition}),
     * written in id order by the ordinary {@code BlockWriter}.
     */
    private static Dataset reference(HazelcastInstance hz, List<Order> orders, String name) {
        PartitionService ps = hz.getPartitionService();
        var ss = ((SerializationServiceSupport) hz).getSerializationService();
        int partitions = ps.getPartitions().size();
        List<List<Order>> byPartition = new ArrayList<>();
        for (int q = 0; q < partitions; q++) {
            byPartition.add(new ArrayList<>());
        }
        for (Order o : orders) {
            byPartition.get(ps.getPartition(o.key()).getPartitionId()).add(o);
        }
        int blockSize = 4096;
        int[] need = new int[partitions];
        for (int q = 0; q < partitions; q++) {
            byPartition.get(q).sort((x, y) -> Arrays.compareUnsigned(ss.toData(x.key()).toByteArray(),
                    ss.toData(y.key()).toByteArray()));
            need[q] = (byPartition.get(q).size() + blockSize - 1) / blockSize;
        }
        int[][] ids = HostMapLoader.keysPerPartition(ps, partitions, need);
        java.util.TreeMap<Integer, RowBlock> blocks = new java.util.TreeMap<>();
        for (int q = 0; q < partitions; q++) {
            List<Order> rows = byPartition.get(q);
            for (int b = 0; b < need[q]; b++) {
                List<Order> part = rows.subList(b * blockSize, Math.min(rows.size(), (b + 1) * blockSize));
                int n = part.size();
                double[] v = new double[n * 5];
                for (int r = 0; r < n; r++) {
                    Order o = part.get(r);
                    v[r] = o.price();
                    v[n + r] = o.qty();
                    v[2 * n + r] = o.express() ? 1 : 0;
                    v[3 * n + r] = Arrays.asList(SEGMENTS).indexOf(o.segment());
                    v[4 * n + r] = o.y();
                }
                blocks.put(ids[q][b], new RowBlock(ids[q][b], n, 5, v));
            }
        }
        DatasetCatalog catalog = new DatasetCatalog(hz);
        var writer = catalog.newWriter(name, blockSize);
        blocks.values().forEach(writer::write);
        List<ColumnSpec> columns = List.of(new ColumnSpec("price", ColumnKind.NUMERIC, null),
                new ColumnSpec("qty", ColumnKind.NUMERIC, null), new ColumnSpec("express", ColumnKind.NUMERIC, null),
                new ColumnSpec("customer.segment", ColumnKind.CATEGORICAL, List.of(SEGMENTS)),
                new ColumnSpec("y", ColumnKind.NUMERIC, null));
        return Gridlearn.on(hz).dataset(writer.publish(columns, "reference").name());
    }

    @Test
    void compactAndJsonMapsGiveTheReferenceBlocksAndTheCsvRowsOnAnyMemberCount() throws IOException {
        List<Order> orders = orders(3000, 11);
        Path file = csv(orders);
        String fingerprint = null;
        double[] coefficients = null;
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            HazelcastInstance hz = grid[members - 1]; // the driver need not be the first member
            fillCompact(grid[0], "orders", orders);
            fillJson(grid[0], "orders-json", orders);
            Gridlearn gl = Gridlearn.on(hz);
            Dataset fromCsv = gl.loadCsv(file, "csv");
            Dataset compact = gl.fromMap("orders", "orders-ds", PATHS);
            Dataset json = gl.fromMap("orders-json", "orders-json-ds", PATHS);
            assertEquals(ColumnKind.CATEGORICAL, compact.columnSpecs().get(3).kind());
            assertEquals(List.of(SEGMENTS), compact.columnSpecs().get(3).levels());
            assertSameData(hz, fromCsv, compact);
            assertSameData(hz, fromCsv, json);
            assertColocated(hz, compact);
            assertColocated(hz, json);
            assertEquals("map:orders", compact.schema().source());
            // the same blocks on any member count: block ids depend only on the partition count, rows on key order
            if (fingerprint == null) {
                fingerprint = compact.fingerprint();
            }
            assertEquals(fingerprint, compact.fingerprint(), members + " members");
            assertEquals(compact.fingerprint(), json.fingerprint(), "Compact and JSON hold the same values");

            // the conversion is the single-JVM reference block for block: same ids, rows, values
            Dataset reference = reference(hz, orders, "reference");
            assertEquals(reference.schema().layout(), compact.schema().layout());
            assertSameBlocks(hz, reference, compact);
            assertSameBlocks(hz, reference, json);

            Linear ols = Linear.ols().target("y").features("price", "qty", "express").solver(Linear.Solver.CHOLESKY);
            Model ref = gl.fit(ols, reference);
            Model b = gl.fit(ols, compact);
            Model c = gl.fit(ols, json);
            Model a = gl.fit(ols, fromCsv);
            assertBitIdentical(ref, b);
            assertBitIdentical(ref, c);
            // the CSV holds the same rows in other blocks: the linear pass sums each block's shifted products in
            // floating point before its exact merge, so the fit agrees closely but not bit for bit
            assertEquals(a.intercept(), b.intercept(), 1e-12 * Math.abs(a.intercept()));
            for (int i = 0; i < 3; i++) {
                assertEquals(a.coefficients()[i], b.coefficients()[i], 1e-12 * Math.abs(a.coefficients()[i]));
            }
            if (coefficients == null) {
                coefficients = b.coefficients();
            }
            assertArrayEquals(coefficients, b.coefficients(), members + " members");
            factory.terminateAll();
        }
    }

    @Test
    void nullsFailNamingMapKeyAndPathOrAreSkipped() throws IOException {
        List<Order> orders = new ArrayList<>(orders(500, 5));
        Order hole = orders.get(123);
        orders.set(123, new Order(hole.key(), null, hole.qty(), hole.express(), hole.segment(), hole.y()));
        HazelcastInstance[] grid = TestGrids.start(factory, 2);
        fillCompact(grid[0], "orders", orders);
        fillJson(grid[0], "orders-json", orders);
        Gridlearn gl = Gridlearn.on(grid[1]);
        for (String map : List.of("orders", "orders-json")) {
            BadInputException e = assertThrows(BadInputException.class, () -> gl.fromMap(map, "d", PATHS));
            assertEquals("map '" + map + "', key " + hole.key() + ", path 'price': the value is null (1 entries have none "
                    + "there); use --missing skip to leave such entries out", e.getMessage());
            assertTrue(gl.datasets().isEmpty(), "nothing published");
        }
        List<Order> without = new ArrayList<>(orders);
        without.remove(123);
        Dataset expected = gl.loadCsv(csv(without), "csv");
        for (String map : List.of("orders", "orders-json")) {
            Dataset skipped = gl.fromMap(map, map + "-skip", Missing.SKIP, List.of(PATHS));
            assertEquals(499, skipped.rows());
            assertSameData(grid[0], expected, skipped);
        }
    }

    @Test
    void badPathsMixedKindsAndUnknownMapsAreRefusedAndLeaveNothing() {
        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        List<Order> orders = orders(300, 9);
        fillCompact(grid[0], "orders", orders);
        fillJson(grid[0], "orders-json", orders);
        IMap<Long, HazelcastJsonValue> json = grid[0].getMap("orders-json");
        json.set(orders.get(40).key(), new HazelcastJsonValue("{\"price\":\"cheap\",\"qty\":1,\"express\":true,"
                + "\"customer\":{\"segment\":\"smb\"},\"y\":1.5}"));
        Gridlearn gl = Gridlearn.on(grid[2]);
        for (String map : List.of("orders", "orders-json")) {
            BadInputException e = assertThrows(BadInputException.class,
                    () -> gl.fromMap(map, "d", "qty", "customer.sgement"));
            assertTrue(e.getMessage().startsWith("map '" + map + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("customer.sgement"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains("path 'customer.sgement': no entry has a value there"), e.getMessage());
        }
        BadInputException mixed = assertThrows(BadInputException.class, () -> gl.fromMap("orders-json", "d", "price"));
        assertTrue(mixed.getMessage().contains("path 'price'") && mixed.getMessage().contains("key " + orders.get(40).key())
                && mixed.getMessage().contains("'cheap'"), mixed.getMessage());
        BadInputException object = assertThrows(BadInputException.class, () -> gl.fromMap("orders-json", "d", "customer"));
        assertTrue(object.getMessage().contains("path 'customer'"), object.getMessage());
        BadInputException none = assertThrows(BadInputException.class, () -> gl.fromMap("nosuchmap", "d", "price"));
        assertEquals("map 'nosuchmap' does not exist in the grid", none.getMessage());
        assertThrows(BadInputException.class, () -> gl.fromMap("orders", "d", "qty", "qty"));
        assertThrows(BadInputException.class, () -> gl.fromMap("orders", "d", Missing.MEAN, List.of("qty")));
        assertTrue(gl.datasets().isEmpty());
        // nothing half-built: only the two host maps remain (besides gridlearn's catalog maps)
        List<String> maps = grid[0].getDistributedObjects().stream().map(o -> o.getName())
                .filter(n -> n.startsWith("gridlearn.data.")).sorted(Comparator.naturalOrder()).toList();
        assertEquals(List.of(), maps);
        DatasetSchema ok = gl.fromMap("orders", "ok", "qty", "customer.segment").schema();
        assertEquals(300, ok.rows());
        assertTrue(gl.drop("ok"));
        assertEquals(List.of(), grid[0].getDistributedObjects().stream().map(o -> o.getName())
                .filter(n -> n.startsWith("gridlearn.data.")).toList());
    }
}
