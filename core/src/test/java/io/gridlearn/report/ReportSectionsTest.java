package io.gridlearn.report;

import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import io.gridlearn.runtime.Learners;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in learners' report sections from small hand-written models, with no grid and no data. */
class ReportSectionsTest {
    private static String section(String json) {
        ModelDocument m = ModelJson.read(json, "test model");
        return Learners.forAlgorithm(m.algorithm()).report().orElseThrow().render(ReportContext.modelOnly(m));
    }

    private static int charts(String html) {
        int n = 0;
        for (int i = html.indexOf("<svg"); i >= 0; i = html.indexOf("<svg", i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void kmeansWithoutSizesStandardisesByTheUnweightedCentres() {
        String s = section("""
                {"format":"gridlearn-model/1","name":"km","version":1,"algorithm":"kmeans","features":["a","b"],
                 "centers":[[0,0],[2,4]],"summary":{"iteration":2,"objective":1.5}}""");
        assertTrue(s.contains("<h3>Cluster centres</h3>") && s.contains("Centre profiles (standardised features)"), s);
        assertTrue(s.contains("(unweighted)"), "says how it standardised");
    }

    @Test
    void pcaWithOneComponentStillDrawsScreeCumulativeAndLoadings() {
        String s = section("""
                {"format":"gridlearn-model/1","name":"p","version":1,"algorithm":"pca","features":["a","b","c"],
                 "components":[[0.6,0.8,0]],"explainedVariance":[2.0],"explainedVarianceRatio":[0.8],
                 "summary":{"mean":[0,0,0],"totalVariance":2.5,"allEigenvalues":[2.0,0.4,0.1]}}""");
        assertTrue(s.contains("Scree plot") && s.contains("Cumulative explained variance") && s.contains("Loadings of PC 1"), s);
        assertTrue(s.contains("80%"), "the retained share");
        assertEquals(3, charts(s));
    }

    @Test
    void naiveBayesClassMeansUseTheTrainingMixture() {
        String s = section("""
                {"format":"gridlearn-model/1","name":"nb","version":1,"algorithm":"naive-bayes","target":"y",
                 "features":["a"],"classes":[0,1],"classPriors":[0.5,0.5],"means":[[-1],[1]],"variances":[[1],[1]],
                 "summary":{"epsilon":0,"confusionMatrix":[[4,1],[0,5]]},"metrics":{"train":{"accuracy":0.9,"logLoss":0.3}}}""");
        assertTrue(s.contains("Class priors") && s.contains("Class means ± 1 sd (standardised features)"), s);
        assertTrue(s.contains("Confusion matrix on the training rows"));
        assertEquals(4, charts(s));
    }

    @Test
    void linearWithoutStandardErrorsDrawsCoefficientsAndMetrics() {
        String s = section("""
                {"format":"gridlearn-model/1","name":"r","version":1,"algorithm":"ridge","target":"y","features":["a","b"],
                 "intercept":1,"coefficients":[0.5,-2],
                 "metrics":{"train":{"r2":0.7,"rmse":1.2,"mae":0.9},"test":{"r2":0.6,"rmse":1.4,"mae":1.0}}}""");
        assertTrue(s.contains("Coefficients") && s.contains("R² by split") && s.contains("Errors by split"), s);
        assertTrue(!s.contains("standard errors"), "no error bars without standard errors");
        assertEquals(3, charts(s));
    }

    @Test
    void logisticFromAModelFileExplainsWhereTheObjectiveComesFrom() {
        String s = section("""
                {"format":"gridlearn-model/1","name":"l","version":1,"algorithm":"logistic","target":"y","features":["a"],
                 "intercept":0.1,"coefficients":[2],"classes":[0,1],
                 "summary":{"standardize":true,"workingParameters":[0.1,3],"confusionMatrix":[[5,1],[2,4]]},
                 "metrics":{"train":{"accuracy":0.75,"logLoss":0.5,"auc":0.8}}}""");
        assertTrue(s.contains("Standardised coefficients") && s.contains("Confusion matrix on the training rows"), s);
        assertTrue(s.contains("model store when the model is given by name"));
        assertEquals(4, charts(s));
    }
}
