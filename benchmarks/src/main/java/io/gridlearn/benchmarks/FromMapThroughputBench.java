package io.gridlearn.benchmarks;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import io.gridlearn.Dataset;
import io.gridlearn.Gridlearn;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridConfigs;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code load --from-map} against the plain alternative, as a thin client sees them: a host map of n Compact records
 * ({@value #COLUMNS} float64 fields) on real members (loopback, one backup), and
 * <ul>
 *   <li><b>in place</b>: {@code Gridlearn.on(client).fromMap(...)}: each member converts the entries it owns;</li>
 *   <li><b>plain</b>: the client reads the whole map ({@code IMap.entrySet()}), writes it as a CSV file, and loads
 *       that file ({@code Gridlearn.loadCsv}), which is what a team without {@code --from-map} does.</li>
 * </ul>
 * The two sides alternate, {@code repeats} times each, and the medians and their ratio (plain ÷ in place) are
 * printed, with the plain side's three stages. Each side's dataset is checked to hold n rows and dropped.
 *
 * <p>Run: {@code java -cp benchmarks/target/gridlearn-benchmarks.jar io.gridlearn.benchmarks.FromMapThroughputBench
 * [rows] [members] [repeats]} (defaults 500,000, 2, 3).
 */
public final class FromMapThroughputBench {
    static final int COLUMNS = 6;

    private FromMapThroughputBench() {
    }

    /**
     * Runs the comparison and prints its figures.
     *
     * @param args rows, members, repeats
     * @throws Exception when the grid or the file system fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String cluster = "from-map-bench-" + ProcessHandle.current().pid();
        String[] paths = new String[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            paths[j] = "x" + j;
        }
        try (EmbeddedGrid grid = EmbeddedGrid.start(cluster, members, 0, 1, 5751)) {
            fill(grid.first().getMap("orders"), n);
            HazelcastInstance client = HazelcastClient.newHazelcastClient(
                    GridConfigs.clientConfig(cluster, grid.addresses()));
            try {
                Gridlearn gl = Gridlearn.on(client);
                double[] inPlace = new double[repeats];
                double[][] plain = new double[repeats][3];
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    Dataset a = gl.fromMap("orders", "in-place-" + r, paths);
                    inPlace[r] = (System.nanoTime() - t0) / 1e9;
                    check(a, n);
                    gl.drop(a.name());

                    Path csv = Files.createTempFile("from-map-bench", ".csv");
                    try {
                        plain[r] = plain(client, gl, csv, paths, "plain-" + r, n);
                    } finally {
                        Files.deleteIfExists(csv);
                    }
                    System.err.printf(Locale.ROOT, "round %d: in place %.2f s, plain %.2f s (read %.2f, write %.2f, "
                            + "load %.2f)%n", r + 1, inPlace[r], total(plain[r]), plain[r][0], plain[r][1], plain[r][2]);
                }
                double a = median(inPlace);
                double b = median(Arrays.stream(plain).mapToDouble(FromMapThroughputBench::total).toArray());
                System.out.printf(Locale.ROOT, "%,d entries × %d float64 fields (Compact), %d members, one backup, "
                        + "thin client; medians of %d, the sides alternating%n", n, COLUMNS, members, repeats);
                System.out.printf(Locale.ROOT, "in place (fromMap)                      %7.2f s%n", a);
                System.out.printf(Locale.ROOT, "plain (client reads the map, CSV, load) %7.2f s  = read %.2f + write "
                                + "%.2f + load %.2f%n", b, median(column(plain, 0)), median(column(plain, 1)),
                        median(column(plain, 2)));
                System.out.printf(Locale.ROOT, "ratio plain / in place                  %7.2f%n", b / a);
            } finally {
                client.shutdown();
            }
        }
    }

    /** The plain side's three stages, in seconds: read the map, write the CSV, load it. */
    private static double[] plain(HazelcastInstance client, Gridlearn gl, Path csv, String[] paths, String name,
                                  int n) throws Exception {
        long t0 = System.nanoTime();
        IMap<Long, GenericRecord> map = client.getMap("orders");
        var entries = map.entrySet();
        long t1 = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(String.join(",", paths));
            w.newLine();
            StringBuilder line = new StringBuilder();
            for (Map.Entry<Long, GenericRecord> e : entries) {
                line.setLength(0);
                for (int j = 0; j < paths.length; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    line.append(e.getValue().getFloat64(paths[j]));
                }
                w.append(line).append('\n');
            }
        }
        long t2 = System.nanoTime();
        Dataset d = gl.loadCsv(csv, name);
        long t3 = System.nanoTime();
        check(d, n);
        gl.drop(d.name());
        return new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9};
    }

    private static void fill(IMap<Long, GenericRecord> map, int n) {
        Random rnd = new Random(11);
        Map<Long, GenericRecord> batch = new HashMap<>();
        for (long k = 0; k < n; k++) {
            GenericRecordBuilder b = GenericRecordBuilder.compact("Order");
            for (int j = 0; j < COLUMNS; j++) {
                b.setFloat64("x" + j, Math.round(rnd.nextGaussian() * 1e6) / 1e4);
            }
            batch.put(k, b.build());
            if (batch.size() == 10_000) {
                map.putAll(batch);
                batch.clear();
            }
        }
        map.putAll(batch);
    }

    private static void check(Dataset d, int n) {
        if (d.rows() != n) {
            throw new IllegalStateException(d.name() + " has " + d.rows() + " rows, not " + n);
        }
    }

    private static double total(double[] stages) {
        return stages[0] + stages[1] + stages[2];
    }

    private static double[] column(double[][] m, int j) {
        return Arrays.stream(m).mapToDouble(r -> r[j]).toArray();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
