package io.gridlearn.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.BlockWriter;
import io.gridlearn.data.ColumnKind;
import io.gridlearn.data.ColumnSpec;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.grid.GridConfigs;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.linear.LinearJob;
import io.gridlearn.linear.LinearOptions;
import io.gridlearn.linear.LinearTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.stats.DatasetStatistics;
import io.gridlearn.testing.Oracles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.gridlearn.testing.Oracles.relErr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real members on loopback, a thin client, and members terminated (not shut down) under load. */
@Tag("slow")
class RealMembersTest {
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastInstance> clients = new ArrayList<>();
    private String clusterName;

    @AfterEach
    void tearDown() {
        clients.forEach(HazelcastInstance::shutdown);
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    private void startMembers(int n, int backups) {
        clusterName = "real-" + UUID.randomUUID().toString().substring(0, 8);
        members.addAll(EmbeddedGrid.start(clusterName, n, 0, backups, 5961).members());
    }

    private HazelcastInstance client() {
        List<String> addresses = members.stream()
                .map(m -> "127.0.0.1:" + m.getCluster().getLocalMember().getAddress().getPort()).toList();
        HazelcastInstance c = HazelcastClient.newHazelcastClient(GridConfigs.clientConfig(clusterName, addresses));
        clients.add(c);
        return c;
    }

    @Test
    void thinClientLoadsDescribesAndFitsAndAKilledMemberLosesNothing() {
        startMembers(3, 1);
        HazelcastInstance client = client();
        DatasetCatalog catalog = new DatasetCatalog(client);
        CsvLoader.load(catalog, Oracles.resource("boston.csv"), "boston", CsvOptions.defaults().withBlockSize(16), null);
        DatasetStatistics.Description before = DatasetStatistics.describe(catalog, "boston");
        ModelDocument fitBefore = LinearTrainer.train(client, new LinearJob("boston", "medv", null, LinearOptions.ols()));
        assertTrue(relErr(fitBefore.intercept(), Oracles.dataset("boston").path("ols").path("intercept").asDouble()) < 1e-10);

        members.remove(1).getLifecycleService().terminate();

        DatasetStatistics.Description after = DatasetStatistics.describe(catalog, "boston");
        assertEquals(before, after, "same rows and statistics after a member was killed");
        ModelDocument fitAfter = LinearTrainer.train(client, new LinearJob("boston", "medv", null, LinearOptions.ols()));
        assertArrayEquals(fitBefore.coefficients(), fitAfter.coefficients(), 0.0);
        assertEquals(fitBefore.intercept(), fitAfter.intercept(), 0.0);
    }

    /** A synthetic regression big enough that a pass takes a while, written block by block. */
    private static void synthetic(DatasetCatalog catalog, String name, int blocks, int blockSize, int p) {
        Random rnd = new Random(2026);
        BlockWriter w = catalog.newWriter(name, blockSize);
        for (int b = 0; b < blocks; b++) {
            double[] v = new double[blockSize * (p + 1)];
            for (int r = 0; r < blockSize; r++) {
                double y = 1.0;
                for (int j = 0; j < p; j++) {
                    double x = rnd.nextGaussian();
                    v[j * blockSize + r] = x;
                    y += (j + 1) * 0.1 * x;
                }
                v[p * blockSize + r] = y + rnd.nextGaussian();
            }
            w.write(new RowBlock(b, blockSize, p + 1, v));
        }
        List<ColumnSpec> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            cols.add(new ColumnSpec("x" + j, ColumnKind.NUMERIC, List.of()));
        }
        cols.add(new ColumnSpec("y", ColumnKind.NUMERIC, List.of()));
        w.publish(cols, "synthetic");
    }

    @Test
    void membersKilledAtRandomMomentsOfAFitChangeNotOneBit() throws Exception {
        startMembers(5, 2);
        HazelcastInstance client = client();
        DatasetCatalog catalog = new DatasetCatalog(client);
        synthetic(catalog, "big", 300, 1000, 12);
        LinearJob job = new LinearJob("big", "y", null, LinearOptions.ols().withSolver("qr"));
        ModelDocument baseline = LinearTrainer.train(client, job);
        long t0 = System.nanoTime();
        LinearTrainer.train(client, job);
        long fitMillis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        Random rnd = new Random(7);
        for (int kill = 0; kill < 2; kill++) {
            CompletableFuture<ModelDocument> fit = CompletableFuture.supplyAsync(() -> LinearTrainer.train(client, job));
            Thread.sleep(rnd.nextInt((int) fitMillis));
            members.remove(1 + rnd.nextInt(members.size() - 1)).getLifecycleService().terminate();
            ModelDocument m = fit.get(3, TimeUnit.MINUTES);
            assertArrayEquals(baseline.coefficients(), m.coefficients(), 0.0, "kill " + kill + ": coefficients");
            assertEquals(baseline.intercept(), m.intercept(), 0.0);
            assertArrayEquals(baseline.standardErrors(), m.standardErrors(), 0.0);
            assertEquals(baseline.metrics(), m.metrics());
        }
        assertEquals(300_000, DatasetStatistics.describe(catalog, "big").rows());
    }

    @Test
    void aMemberKilledDuringAKMeansFitChangesNotOneBit() throws Exception {
        startMembers(4, 2);
        HazelcastInstance client = client();
        DatasetCatalog catalog = new DatasetCatalog(client);
        synthetic(catalog, "iter", 200, 1000, 8);
        DatasetSchema schema = catalog.get("iter");
        int[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        List<String> names = List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7");
        // k-means from seeded random rows: many passes, each retried if a member dies under it
        java.util.function.Supplier<String> kmeans = () -> io.gridlearn.model.ModelJson.write(
                io.gridlearn.kmeans.KMeansTrainer.fit(new io.gridlearn.pass.GridPassRunner(catalog, schema), x, names,
                        new io.gridlearn.kmeans.KMeansOptions(6, 40, 0, "random", 3), io.gridlearn.pass.IterationListener.NONE, null));
        String baseline = kmeans.get();
        Random rnd = new Random(11);
        CompletableFuture<String> fit = CompletableFuture.supplyAsync(kmeans);
        Thread.sleep(200 + rnd.nextInt(800));
        members.remove(1 + rnd.nextInt(members.size() - 1)).getLifecycleService().terminate();
        assertEquals(baseline, fit.get(3, TimeUnit.MINUTES), "k-means with a member killed mid-fit");
    }

    @Test
    void losingMoreMembersThanBackupsFailsWithAClearMessageInsteadOfAPartialModel() {
        startMembers(3, 0);
        HazelcastInstance client = client();
        DatasetCatalog catalog = new DatasetCatalog(client);
        synthetic(catalog, "fragile", 60, 100, 3);
        members.remove(2).getLifecycleService().terminate();
        GridlearnException e = assertThrows(GridlearnException.class,
                () -> LinearTrainer.train(client, new LinearJob("fragile", "y", null, LinearOptions.ols())));
        assertTrue(e.getMessage().contains("lost") && e.getMessage().contains("of 60 blocks"), e.getMessage());
        GridlearnException d = assertThrows(GridlearnException.class, () -> DatasetStatistics.describe(catalog, "fragile"));
        assertTrue(d.getMessage().contains("lost"), d.getMessage());
    }
}
