package io.gridlearn.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.ColumnChoice;
import io.gridlearn.bayes.NaiveBayesOptions;
import io.gridlearn.bayes.NaiveBayesTrainer;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.kmeans.KMeansOptions;
import io.gridlearn.kmeans.KMeansTrainer;
import io.gridlearn.logistic.LogisticOptions;
import io.gridlearn.logistic.LogisticTrainer;
import io.gridlearn.logistic.SoftmaxTrainer;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pca.PcaOptions;
import io.gridlearn.pca.PcaTrainer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The iterative learners behind {@code fit}: options from the command line, trainers bound to columns. */
final class Learners {
    private Learners() {
    }

    /** Checks the options that need no grid. */
    static void check(FitCommand c) {
        if (c.testFraction != 0 || c.folds != 0 || c.path != 0) {
            throw new BadInputException("--test-fraction, --folds and --path are for the linear family in this version; "
                    + "evaluate " + c.algorithm + " models with 'evaluate' on held-out data");
        }
        if (!c.method.equals("exact")) {
            throw new BadInputException("--method " + c.method + " is for the linear family in this version");
        }
        // --missing is validated by the options records below (error or skip; mean is the linear family's)
        switch (c.algorithm) {
            case "logistic", "softmax" -> logisticOptions(c);
            case "kmeans" -> kmeansOptions(c);
            case "pca" -> pcaOptions(c, Integer.MAX_VALUE);
            default -> new NaiveBayesOptions(c.varSmoothing, c.missing);
        }
    }

    static KMeansOptions kmeansOptions(FitCommand c) {
        if (c.k == null) {
            throw new BadInputException("fit kmeans needs --k (the number of clusters)");
        }
        return new KMeansOptions(c.k, c.maxIter == null ? KMeansOptions.DEFAULT_MAX_ITER : c.maxIter,
                c.tol == null ? 0 : c.tol, c.init, c.seed, c.missing);
    }

    /** PCA: all components unless --components says fewer; {@code p} caps the default. */
    static PcaOptions pcaOptions(FitCommand c, int p) {
        return new PcaOptions(c.components == null ? p : c.components, c.standardize, c.missing);
    }

    static LogisticOptions logisticOptions(FitCommand c) {
        return new LogisticOptions(c.lambda == null ? 0 : c.lambda, c.alpha == null ? 0 : c.alpha, c.standardize,
                !c.noIntercept, c.solver == null ? LogisticOptions.NEWTON : c.solver,
                c.maxIter == null ? 100 : c.maxIter, c.tol == null ? 1e-10 : c.tol, c.missing);
    }

    static ModelDocument fit(FitCommand c, HazelcastInstance hz, String dataset, String name) {
        ColumnChoice cols = ColumnChoice.resolve(new DatasetCatalog(hz).get(dataset), c.target, c.features,
                supervised(c.algorithm));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("algorithm", c.algorithm);
        IterativeFit.Trainer trainer;
        switch (c.algorithm) {
            case "logistic", "softmax" -> {
                LogisticOptions o = logisticOptions(c);
                options.put("lambda", o.lambda());
                options.put("alpha", o.alpha());
                options.put("standardize", o.standardize());
                options.put("intercept", o.intercept());
                options.put("solver", o.solver());
                options.put("maxIter", o.maxIter());
                options.put("tol", o.tol());
                options.put("missing", o.missing());
                trainer = c.algorithm.equals("logistic")
                        ? (runner, listener, from) -> LogisticTrainer.fit(runner, cols.featureColumns(),
                                cols.targetColumn(), cols.features(), cols.target(), o, listener, from)
                        : (runner, listener, from) -> SoftmaxTrainer.fit(runner, cols.featureColumns(),
                                cols.targetColumn(), cols.features(), cols.target(), o, listener, from);
            }
            case "kmeans" -> {
                KMeansOptions o = kmeansOptions(c);
                options.put("k", o.k());
                options.put("init", o.init());
                options.put("maxIter", o.maxIter());
                options.put("tol", o.tol());
                options.put("missing", o.missing());
                trainer = (runner, listener, from) -> KMeansTrainer.fit(runner, cols.featureColumns(), cols.features(),
                        o, listener, from);
            }
            case "pca" -> {
                PcaOptions o = pcaOptions(c, cols.features().size());
                options.put("components", o.components());
                options.put("standardize", o.standardize());
                options.put("missing", o.missing());
                trainer = (runner, listener, from) -> PcaTrainer.fit(runner, cols.featureColumns(), cols.features(), o);
            }
            default -> {
                NaiveBayesOptions o = new NaiveBayesOptions(c.varSmoothing, c.missing);
                options.put("varSmoothing", o.varSmoothing());
                options.put("missing", o.missing());
                trainer = (runner, listener, from) -> NaiveBayesTrainer.fit(runner, cols.featureColumns(),
                        cols.targetColumn(), cols.features(), cols.target(), o);
            }
        }
        if (c.resume && !c.algorithm.equals("kmeans") && !c.algorithm.equals("logistic") && !c.algorithm.equals("softmax")) {
            throw new BadInputException("--resume is for iterative learners (logistic, softmax, kmeans); "
                    + c.algorithm + " is fit in one pass");
        }
        return IterativeFit.run(hz, dataset, c.algorithm, name, c.resume, options, c.seed, trainer, c.err());
    }

    private static boolean supervised(String algorithm) {
        return !algorithm.equals("kmeans") && !algorithm.equals("pca");
    }
}
