package io.gridlearn.glm;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.test.TestHazelcastInstanceFactory;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.testing.TestGrids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement with statsmodels 0.13.5 (oracles/glm_oracles.json, written by oracles/make_glm_oracles.py, and
 * datasets/oracles-glm-public.json for randhie): coefficients and standard errors to 1e-8 relative, and the
 * deviance, null deviance, Pearson χ², scale, log-likelihood and AIC where statsmodels defines them; every fit
 * through the grid on 1, 2 and 3 members, with the same bits on each.
 */
class GlmOracleTest {
    static final double REL = 1e-8;

    private final TestHazelcastInstanceFactory factory = new TestHazelcastInstanceFactory();

    @AfterEach
    void tearDown() {
        factory.terminateAll();
    }

    /** One oracle case: where its data is, how to fit it, what statsmodels got. */
    record Case(String name, String resource, GlmSpec spec, JsonNode expected) {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        JsonNode pub = GlmTestData.json("/datasets/oracles-glm-public.json").path("datasets").path("randhie");
        out.add(new Case("randhie", "/datasets/randhie.csv", new GlmSpec(pub.path("target").asText(),
                strings(pub.path("features")), GlmOptions.of(Family.POISSON), 42), pub));
        JsonNode cases = GlmTestData.json("/oracles/glm_oracles.json").path("cases");
        cases.fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            GlmOptions o = GlmOptions.of(Family.of(c.path("family").asText(), "family"))
                    .withLink(Link.of(c.path("link").asText(), "link"));
            if (!c.path("variance_power").isNull()) {
                o = o.withVariancePower(c.path("variance_power").asDouble());
            }
            if (!c.path("nb_alpha").isNull()) {
                o = o.withNbAlpha(c.path("nb_alpha").asDouble());
            }
            if (!c.path("offset").isNull()) {
                o = o.withOffset(c.path("offset").asText());
            }
            if (!c.path("weights").isNull()) {
                o = o.withWeights(c.path("weights").asText());
            }
            out.add(new Case(e.getKey(), "/oracles/" + c.path("file").asText(),
                    new GlmSpec(c.path("target").asText(), strings(c.path("features")), o, 42), c));
        });
        return out;
    }

    static List<String> strings(JsonNode a) {
        List<String> s = new ArrayList<>();
        a.forEach(n -> s.add(n.asText()));
        return s;
    }

    static double rel(double expected, double actual) {
        return Math.abs(expected - actual) / Math.abs(expected);
    }

    static double check(double expected, double actual, double tol, String what) {
        double r = rel(expected, actual);
        assertTrue(r <= tol, what + ": expected " + expected + ", got " + actual + " (rel " + r + ")");
        return r;
    }

    static double number(ModelDocument m, String key) {
        return ((Number) m.summary().get(key)).doubleValue();
    }

    /** Compares one fitted model with its oracle; returns a line for the report. */
    static String compare(Case c, ModelDocument m) {
        JsonNode e = c.expected();
        double[] params = GlmTestData.doubles(e.path("params"));
        double[] bse = GlmTestData.doubles(e.path("bse"));
        double maxCoef = check(params[0], m.intercept(), REL, c.name() + " intercept");
        double maxSe = check(bse[0], m.interceptStandardError(), REL, c.name() + " se(intercept)");
        for (int j = 1; j < params.length; j++) {
            maxCoef = Math.max(maxCoef, check(params[j], m.coefficients()[j - 1], REL, c.name() + " coef " + j));
            maxSe = Math.max(maxSe, check(bse[j], m.standardErrors()[j - 1], REL, c.name() + " se " + j));
        }
        double dev = check(e.path("deviance").asDouble(), number(m, "deviance"), REL, c.name() + " deviance");
        double chi2 = check(e.path("pearson_chi2").asDouble(), number(m, "pearsonChi2"), REL, c.name() + " chi2");
        double scale = check(e.path("scale").asDouble(), ((Number) m.extension("dispersion")).doubleValue(), REL,
                c.name() + " scale");
        String ll = "n/a";
        if (e.path("llf").isNull()) {
            assertNull(m.summary().get("logLikelihood"), c.name() + " has no log-likelihood in statsmodels");
            assertNull(m.summary().get("aic"));
        } else {
            double a = check(e.path("llf").asDouble(), number(m, "logLikelihood"), REL, c.name() + " llf");
            double b = check(e.path("aic").asDouble(), number(m, "aic"), REL, c.name() + " aic");
            ll = String.format("%.1e/%.1e", a, b);
        }
        String nd = "n/a";
        if (e.has("null_deviance")) {
            nd = String.format("%.1e", check(e.path("null_deviance").asDouble(), number(m, "nullDeviance"), REL,
                    c.name() + " null deviance"));
            double[] pv = GlmTestData.doubles(e.path("pvalues"));
            for (int j = 1; j < pv.length; j++) {
                // p-values underflow towards 0 relative accuracy matters little; 1e-6 relative or 1e-300 absolute
                double got = m.pValues()[j - 1];
                assertTrue(Math.abs(got - pv[j]) <= 1e-6 * pv[j] + 1e-300, c.name() + " p " + j + ": " + pv[j]
                        + " vs " + got);
            }
        }
        assertEquals(Boolean.TRUE, m.summary().get("converged"));
        return String.format("%-16s coef %.1e  se %.1e  deviance %.1e  chi2 %.1e  scale %.1e  llf/aic %s  null %s"
                        + "  iterations %s (statsmodels %s)", c.name(), maxCoef, maxSe, dev, chi2, scale, ll, nd,
                m.summary().get("iteration"), e.path("iterations").asText());
    }

    @Test
    void statsmodelsAgreementOnOneTwoAndThreeMembersWithTheSameBits() {
        List<Case> cases = cases();
        Map<String, String> reference = new LinkedHashMap<>();
        for (int members = 1; members <= 3; members++) {
            HazelcastInstance[] grid = TestGrids.start(factory, members);
            DatasetCatalog catalog = new DatasetCatalog(grid[0]);
            for (Case c : cases) {
                CsvLoader.load(catalog, GlmTestData.path(c.resource()), c.name(),
                        CsvOptions.defaults().withBlockSize(c.name().equals("randhie") ? 1000 : 250), null);
                ModelDocument m = FitDriver.fit(grid[0], c.name(), "glm-" + c.name().replace('_', '-'), c.spec(),
                        FitControl.quiet());
                String line = compare(c, m);
                if (members == 1) {
                    System.out.println("glm oracle " + line);
                }
                String json = ModelJson.write(m.withProvenance(null));
                if (reference.containsKey(c.name())) {
                    assertEquals(reference.get(c.name()), json, c.name() + " on " + members + " members");
                } else {
                    reference.put(c.name(), json);
                }
            }
            factory.terminateAll();
        }
    }
}
