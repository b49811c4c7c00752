package io.gridlearn.tree;

import io.gridlearn.model.ModelDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed work on the histogram pass, the routing and the split search must not move a bit of the model: the
 * SHA-256 of the model JSON of fits on {@link GbtGridTest}'s seeded data (both objectives; and one with row and
 * feature sampling and a held-out share) against digests recorded in {@code golden/gbt-models.properties}, which
 * hold the trees of the code before the per-block cache (commit ee36177, see that file).
 */
class GbtGoldenTest {
    @TempDir
    Path tmp;

    static String sha256(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void modelJsonIsTheRecordedBytes() throws Exception {
        Properties want = new Properties();
        try (var in = GbtGoldenTest.class.getResourceAsStream("/golden/gbt-models.properties")) {
            want.load(in);
        }
        GbtGridTest g = new GbtGridTest();
        g.tmp = tmp;
        List<String> features = List.of("x0", "x1", "x2", "x3");
        StringBuilder got = new StringBuilder();
        for (String name : List.of("squared-error", "logistic", "logistic-sampled")) {
            boolean logistic = name.startsWith("logistic");
            GbtTestData.Local data = GbtGridTest.local(g.synthetic(logistic));
            GbtOptions o = GbtOptions.of(logistic ? Objective.LOGISTIC : Objective.SQUARED_ERROR).withTrees(12);
            if (name.endsWith("sampled")) {
                o = o.withSubsample(0.7).withColsampleBytree(0.5).withTestFraction(0.2);
            }
            ModelDocument m = new GbtTrainer(data.runner(), data.cols(features), data.col("y"), GbtGridTest.BLOCK,
                    features, "y", o, 42).fit(null, null);
            got.append(name).append('=').append(sha256(GbtOracleTest.json(m))).append('\n');
        }
        for (String line : got.toString().split("\n")) {
            String name = line.substring(0, line.indexOf('='));
            assertEquals(want.getProperty(name), line.substring(name.length() + 1), name + " model JSON changed;"
                    + " all digests now:\n" + got);
        }
    }
}
