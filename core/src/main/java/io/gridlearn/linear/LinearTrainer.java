package io.gridlearn.linear;

import io.gridlearn.OptionException;
import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.BadInputException;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.GridScoring;
import io.gridlearn.eval.RegressionMetrics;
import io.gridlearn.eval.RegressionMetricsAggregator;
import io.gridlearn.model.Imputation;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.pass.GridPassRunner;
import io.gridlearn.pass.PassRunner;
import io.gridlearn.pass.Weights;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.util.Versions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the linear family on a dataset in the grid: one {@link LinearPassAggregator} pass gathers the exact
 * moments of z = [x, y] per row group (and, for the QR solver, per-block R factors); the driver solves;
 * one {@link RegressionMetricsAggregator} pass scores the fit on the training and test rows. Cross-validation
 * and the regularisation path reuse the per-fold moments of the first pass: no further passes.
 *
 * <p>With frequency weights ({@link LinearJob#weights()}) every moment is weighted and the QR rows are scaled
 * by √w: the fit is that of the rows repeated wᵢ times (statsmodels' OLS on the repeated rows; {@code WLS} with
 * these weights for the coefficients, {@code GLM(freq_weights)} for the degrees of freedom, n = Σw), the metrics
 * are weighted the same way, and the model records the weight column ({@code "weights"}).
 *
 * <p>Every sum is exact and R factors merge in an order fixed by the blocks and their partitions
 * ({@link RFactorGroups}), so the coefficients are a function of the data (and the cluster's partition count)
 * alone: bit-identical on 1, 2 or 3 members and after partitions migrate.
 */
public final class LinearTrainer {
    private LinearTrainer() {
    }

    /**
     * Trains and returns an unpublished model (name null, version 0).
     *
     * @param hz  a member or client of the grid
     * @param job the dataset, columns and options
     * @return the fitted model, with its training and test metrics, not yet in the model store
     */
    public static ModelDocument train(HazelcastInstance hz, LinearJob job) {
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(job.dataset());
        if (job.options().method().equals("average")) {
            LinearDesign design = LinearDesign.resolve(schema, job.target(), job.features(), job.weights());
            return BlockAveraging.train(catalog, schema, design, job.options());
        }
        return train(new GridPassRunner(catalog, schema), schema, job);
    }

    /**
     * Trains the exact method on any runner: in the grid ({@link GridPassRunner}, what
     * {@link #train(HazelcastInstance, LinearJob)} does) or over the blocks in one JVM
     * ({@link io.gridlearn.pass.LocalPassRunner}, the single-JVM reference; give it the grid's block → partition
     * map for the QR solver). Every pass goes through {@code runner}: the feature means of {@code --missing mean},
     * the moments (and R factors) pass, the refinement passes and the metrics pass.
     *
     * @param runner runs the passes over {@code schema}'s blocks
     * @param schema the dataset {@code job} names
     * @param job    what to fit; not {@code --method average} (block averaging is an entry processor, not a pass)
     * @return an unpublished model
     */
    public static ModelDocument train(PassRunner runner, DatasetSchema schema, LinearJob job) {
        LinearDesign design = LinearDesign.resolve(schema, job.target(), job.features(), job.weights());
        LinearOptions o = job.options();
        if (o.method().equals("average")) {
            throw new IllegalArgumentException("block averaging runs next to the data only: use train(hz, job)");
        }
        boolean qr = usesQr(o);
        Map<String, Object> imputed = new LinkedHashMap<>();
        Imputation imputation = o.missing().equals("mean") ? meanImputation(runner, schema, design, o, imputed) : null;
        double[] fill = imputation == null ? null : imputation.values();
        LinearPassAggregator pass = runner.aggregate(() -> new LinearPassAggregator(design.zColumns(), o.grouping(),
                schema.blockSize(), qr, o.intercept(), fill, schema.layout(), design.weightColumn()));
        if (pass.badWeights() > 0) {
            throw Weights.refusal(runner, design.weightColumn(), design.weights(), pass.badWeights());
        }
        checkBadRows(pass.badRows(), schema, design, o);

        RowGrouping g = o.grouping();
        MomentMatrix train = pass.sum(0, g.trainGroups());
        checkSize(train, design.features().size(), o);
        double[] r = qr ? pass.rFactor() : null;
        LinearSolver.Refiner refiner = qr && !o.penalised() ? new LinearSolver.Refiner() {
            @Override
            public ResidualMoments residualMoments(double[] beta, boolean withGram) {
                RefinementKernel k = new RefinementKernel(design.zColumns(), g, schema.blockSize(), o.intercept(),
                        beta, fill, withGram, design.weightColumn());
                return k.moments(runner.exactSum(k));
            }

            @Override
            public int blockRows() {
                return schema.blockSize();
            }
        } : null;
        LinearSolution fit = LinearSolver.solve(train, r, design.features(), o, refiner);

        Map<String, Object> summary = new LinkedHashMap<>(fit.summary());
        summary.putAll(imputed);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        ModelDocument model = document(schema, design, o, fit, summary, metrics, pass.rows() - pass.badRows())
                .withImputation(imputation);
        RegressionMetricsAggregator scored = GridScoring.metricsPass(runner, schema, model, g, design.weightColumn());
        metrics.put("train", scored.metrics(0, g.trainGroups()).toMap());
        if (g.hasTest()) {
            metrics.put("test", scored.metrics(g.testGroup()).toMap());
        }
        if (g.folds() > 1) {
            metrics.put("cv", CrossValidation.metrics(pass, design.features(), o));
        }
        List<Map<String, Object>> path = o.pathLength() > 0 ? RegularizationPath.compute(pass, design.features(), o) : null;
        return new ModelDocument(model.format(), null, 0, model.algorithm(), model.target(), model.features(),
                model.intercept(), model.coefficients(), model.interceptStandardError(), model.standardErrors(),
                model.tValues(), model.pValues(), null, null, null, null, null, null, null, null, null, null,
                summary, metrics, model.provenance(), path, imputation).withExtensions(model.extensions());
    }

    /**
     * The first pass of {@code --missing mean} ({@link FeatureMeansAggregator}): the mean of every feature's
     * finite training values, which the fitting pass then substitutes for the feature's missing values.
     *
     * <p>Why two passes rather than one: with m_j the mean, the imputed data's moments could be assembled
     * from per-column counts, sums and cross products over the rows where both columns are finite
     * (Σ x̃_j x̃_k = Σ_{both finite} x_j x_k + m_k Σ_{j finite, k missing} x_j + m_j Σ_{j missing, k finite} x_k
     * + m_j m_k #{both missing}), but the R factors of the QR solver and its refinement pass need the imputed
     * rows themselves, so the simplest exact route is to know m first and fill the rows as they are read.
     * The substitution copies a block only when it has a missing value.
     *
     * @param imputed receives the summary entries {@code imputedRows} and {@code imputedValues}
     * @throws BadInputException when a target is missing (it cannot be imputed) or a feature has no finite
     *                           training value (its mean is undefined)
     */
    private static Imputation meanImputation(PassRunner runner, DatasetSchema schema, LinearDesign design,
                                             LinearOptions o, Map<String, Object> imputed) {
        FeatureMeansAggregator means = runner.aggregate(() -> new FeatureMeansAggregator(
                design.featureColumns(), design.targetColumn(), o.grouping(), schema.blockSize(), design.weightColumn()));
        if (means.missingTargetRows() > 0) {
            throw OptionException.worded("dataset '" + schema.name() + "': " + means.missingTargetRows() + " of "
                    + schema.rows() + " rows have a missing (NaN) or infinite value in the target '" + design.target()
                    + "'; {missing} mean fills features only, a target cannot be imputed: drop those rows, or use "
                    + "{missing} skip to leave them out");
        }
        List<String> features = design.features();
        double[] fill = new double[features.size()];
        long values = 0;
        for (int j = 0; j < fill.length; j++) {
            if (means.trainingRows() > 0 && means.finiteCount(j) == 0) {
                throw OptionException.worded("dataset '" + schema.name() + "': feature '" + features.get(j)
                        + "' has no finite value in the " + means.trainingRows() + " training rows, so {missing} mean "
                        + "has no mean to fill it with; leave it out with {features}");
            }
            double mean = means.mean(j);
            fill[j] = Double.isNaN(mean) ? 0 : mean; // no finite training value (or only zero weights): nothing to fill
            values += means.missingCount(j);
        }
        imputed.put("imputedRows", means.incompleteTrainingRows());
        imputed.put("imputedValues", values);
        return Imputation.mean(fill);
    }

    /** QR for unpenalised and ridge fits when asked; coordinate descent needs only the moments. */
    static boolean usesQr(LinearOptions o) {
        return o.solver().equals("qr") && !o.needsCoordinateDescent();
    }

    private static void checkBadRows(long bad, DatasetSchema schema, LinearDesign design, LinearOptions o) {
        if (bad > 0 && o.missing().equals("error")) {
            throw OptionException.worded("dataset '" + schema.name() + "': " + bad + " of " + schema.rows()
                    + " rows have a missing (NaN) or infinite value in the target or features ("
                    + design.target() + ", " + String.join(", ", design.features())
                    + "); use {missing} skip to leave those rows out, or {missing} mean to fill missing feature values "
                    + "with their training means");
        }
    }

    private static void checkSize(MomentMatrix train, int p, LinearOptions o) {
        int params = p + (o.intercept() ? 1 : 0);
        if (train.count() == 0) {
            throw new BadInputException("no training rows (empty dataset, or every row held out or skipped)");
        }
        if (train.weight() == 0) {
            throw new BadInputException("every training row has weight 0 (" + train.count() + " rows): nothing to fit");
        }
        if (!train.isWeighted() && !o.penalised() && train.count() <= params) {
            throw new BadInputException("only " + train.count() + " training rows for " + params + " parameters; an "
                    + "unpenalised fit needs more rows than parameters (use ridge, or fewer features)");
        }
        if (train.isWeighted() && !o.penalised() && train.weight() <= params) {
            throw new BadInputException("the training rows weigh " + Weights.count(train.weight()) + " in all for "
                    + params + " parameters; an unpenalised fit needs a weight total (Σw, the rows it stands for) above"
                    + " the number of parameters (use ridge, or fewer features)");
        }
    }

    static ModelDocument document(DatasetSchema schema, LinearDesign design, LinearOptions o,
                                          LinearSolution fit, Map<String, Object> summary,
                                          Map<String, Map<String, Double>> metrics, long rowsUsed) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", schema.name());
        provenance.put("fingerprint", schema.fingerprint());
        provenance.put("rows", rowsUsed);
        Map<String, Object> options = o.toMap();
        if (design.weighted()) {
            options.put(Weights.OPTION, design.weights());
        }
        provenance.put("options", options);
        provenance.put("seed", o.grouping().seed());
        provenance.put("libraryVersion", Versions.library());
        provenance.put("createdAt", Instant.now().toString());
        ModelDocument m = new ModelDocument(ModelDocument.FORMAT, null, 0, o.algorithm(), design.target(),
                design.features(), fit.intercept(), fit.coefficients(), fit.interceptStandardError(),
                fit.standardErrors(), fit.tValues(), fit.pValues(), null, null, null, null, null, null, null, null, null,
                null, summary, metrics, provenance, null);
        return design.weighted() ? m.withExtensions(Map.of(Weights.OPTION, design.weights())) : m;
    }

    /** Metrics of a fit evaluated on exact moments (no pass): used by cross-validation. */
    static RegressionMetrics heldOut(MomentMatrix m, double intercept, double[] coefficients) {
        int p = coefficients.length;
        return RegressionMetrics.of(m.weight(), MomentViews.rss(m, intercept, coefficients), Double.NaN,
                m.centred(p, p));
    }
}
