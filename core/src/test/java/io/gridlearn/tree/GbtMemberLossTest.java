package io.gridlearn.tree;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A member killed during a gbt fit changes nothing: on 3 members, one is terminated after the second tree's
 * checkpoint; the fit goes on over the other two (the rows come from the backups) and the model is the
 * single-JVM reference's bytes. Nothing is stored per row, so no state is lost with the member.
 */
class GbtMemberLossTest {
    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    @Test
    void aMemberKilledMidFitChangesNothing() throws Exception {
        GbtGridTest g = new GbtGridTest();
        g.tmp = tmp;
        Path csv = g.synthetic(true);
        GbtTestData.Local data = GbtGridTest.local(csv);
        List<String> features = List.of("x0", "x1", "x2", "x3");
        GbtOptions o = GbtOptions.of(Objective.LOGISTIC).withTrees(6).withSubsample(0.8).withTestFraction(0.2);
        String want = GbtOracleTest.json(new GbtTrainer(data.runner(), data.cols(features), data.col("y"),
                GbtGridTest.BLOCK, features, "y", o, 42).fit(null, null));
        HazelcastInstance[] grid = TestGrids.start(factory, 3);
        DatasetCatalog catalog = new DatasetCatalog(grid[0]);
        CsvLoader.load(catalog, csv, "syn", CsvOptions.defaults().withBlockSize(GbtGridTest.BLOCK), null);
        AtomicInteger checkpoints = new AtomicInteger();
        FitControl killAfterTwo = new FitControl(false, m -> {
            if (checkpoints.incrementAndGet() == 2) {
                grid[2].getLifecycleService().terminate();
            }
        }, null, null, false);
        ModelDocument m = FitDriver.fit(grid[0], "syn", "gbt-loss", new GbtSpec("y", features, o, 42), killAfterTwo);
        assertEquals(2, grid[0].getCluster().getMembers().size(), "a member was lost");
        assertEquals(want, GbtOracleTest.json(m), "the model of a fit that lost a member");
    }
}
