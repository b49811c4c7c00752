package io.gridlearn;

import com.hazelcast.core.HazelcastInstance;
import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.csv.CsvOptions;
import io.gridlearn.grid.EmbeddedGrid;
import io.gridlearn.grid.GridSettings;
import io.gridlearn.model.ModelStore;
import io.gridlearn.runtime.FitControl;
import io.gridlearn.runtime.FitDriver;
import io.gridlearn.runtime.LearnerSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gridlearn's entry point: datasets, fits and the model store of one Hazelcast grid, from a member in this JVM or
 * a thin client.
 * <pre>{@code
 * try (Gridlearn gl = Gridlearn.embedded(3)) {
 *     Dataset boston = gl.loadCsv(Path.of("boston.csv"), "boston");
 *     Model ols = gl.fit(Linear.ols().target("medv"), boston);
 *     System.out.println(ols.toJson());
 * }
 * Gridlearn gl = Gridlearn.on(hazelcastInstance);   // an existing member or client
 * Dataset orders = gl.fromMap("orders", "orders-ds", "price", "qty", "customer.segment");  // a host map
 * }</pre>
 * A fit runs the same code from Java and from the command line, and gives the same bits on any number of
 * members. Instances are thread-safe.
 */
public final class Gridlearn implements AutoCloseable {
    private static final AtomicInteger EMBEDDED = new AtomicInteger();

    private final HazelcastInstance hz;
    private final EmbeddedGrid owned;

    private Gridlearn(HazelcastInstance hz, EmbeddedGrid owned) {
        this.hz = hz;
        this.owned = owned;
    }

    /**
     * Starts {@code members} grid members in this JVM (1 to 16), on loopback, under a private cluster name so that
     * they never join another grid; {@link #close()} stops them. With three or more members the model store uses
     * the CP Subsystem's Raft group of three (where the Hazelcast build has it).
     *
     * @param members the number of members to start, 1 to 16
     * @return gridlearn on the first of the started members
     */
    public static Gridlearn embedded(int members) {
        if (members < 1 || members > 16) {
            throw new BadInputException("Gridlearn.embedded(members): members must be between 1 and 16, was " + members);
        }
        String name = "gridlearn-embedded-" + ProcessHandle.current().pid() + "-" + EMBEDDED.incrementAndGet();
        EmbeddedGrid grid = EmbeddedGrid.start(name, members, members >= 3 ? 3 : 0, 1, GridSettings.DEFAULT_PORT);
        return new Gridlearn(grid.first(), grid);
    }

    /**
     * gridlearn on an existing member or client; {@link #close()} leaves it running. The members must have
     * gridlearn's core jar on their class path (the grid-node jar does).
     *
     * @param hazelcastInstance a running member or client of the grid
     * @return gridlearn working through that instance
     */
    public static Gridlearn on(HazelcastInstance hazelcastInstance) {
        return new Gridlearn(Objects.requireNonNull(hazelcastInstance, "Gridlearn.on(hazelcastInstance): null"), null);
    }

    /**
     * The Hazelcast member or client this instance works through.
     *
     * @return the instance the datasets, fits and models go through
     */
    public HazelcastInstance hazelcast() {
        return hz;
    }

    /**
     * Loads a CSV with a header row as a dataset, in blocks of 4096 rows.
     *
     * @param file a CSV file with a header row
     * @param name the dataset's name in the grid
     * @return the stored dataset
     */
    public Dataset loadCsv(Path file, String name) {
        return loadCsv(file, name, CsvOptions.defaults().blockSize());
    }

    /**
     * Loads a CSV with a header row as a dataset in blocks of {@code blockSize} rows. The dataset appears only when
     * every block is stored; a failure leaves nothing behind.
     *
     * @param file      a CSV file with a header row
     * @param name      the dataset's name in the grid
     * @param blockSize rows per block, at least 1
     * @return the stored dataset
     */
    public Dataset loadCsv(Path file, String name, int blockSize) {
        Objects.requireNonNull(file, "Gridlearn.loadCsv(file, name): file is null");
        return new Dataset(CsvLoader.load(new DatasetCatalog(hz), file, name,
                CsvOptions.defaults().withBlockSize(blockSize), (read, total) -> { }));
    }

    /**
     * A dataset from a map the host application already has (an {@code IMap} of Compact or Portable records,
     * {@code HazelcastJsonValue} documents, or {@code DataSerializable} objects), converted by the members that own
     * its entries into row blocks in the same partitions: no entry travels to another member or to this caller. Each
     * column is an attribute path as Hazelcast's predicates read it ({@code price}, {@code customer.segment}) and is
     * named by it; numbers and booleans make numeric columns, strings and enums categorical ones with one sorted
     * dictionary for the cluster. A null value fails the load, naming the map, key and path (see
     * {@link #fromMap(String, String, Missing, java.util.List)} to skip such entries); a path no entry has fails too.
     * Each row's source key is kept next to its block.
     *
     * @param map   the host map's name
     * @param name  the new dataset's name
     * @param paths the attribute paths, one per column
     * @return the stored dataset
     */
    public Dataset fromMap(String map, String name, String... paths) {
        Checks.given("Gridlearn.fromMap(map, name, paths)", "paths", paths);
        return fromMap(map, name, Missing.ERROR, java.util.Arrays.asList(paths));
    }

    /**
     * As {@link #fromMap(String, String, String...)}, with a rule for null values: {@link Missing#ERROR} fails the
     * load naming the map, key and path, {@link Missing#SKIP} leaves those entries out ({@link Missing#MEAN} is for
     * fits and is refused here).
     *
     * @param map     the host map's name
     * @param name    the new dataset's name
     * @param missing {@link Missing#ERROR} or {@link Missing#SKIP}
     * @param paths   the attribute paths, one per column
     * @return the stored dataset
     */
    public Dataset fromMap(String map, String name, Missing missing, List<String> paths) {
        String where = "Gridlearn.fromMap(map, name, missing, paths)";
        Checks.given(where, "map", map);
        Checks.given(where, "name", name);
        Checks.given(where, "missing", missing);
        Checks.given(where, "paths", paths);
        return new Dataset(io.gridlearn.data.hostmap.HostMapLoader.load(hz, map, name, paths, missing,
                CsvOptions.defaults().blockSize()));
    }

    /**
     * As {@link #fromMap(String, String, String...)}, and keeps the dataset equal to the map as it changes: a
     * follower on a member reads the map's event journal (the host enables it on the map: see docs/from-map.md) and
     * re-converts the partitions that changed, publishing at most one change per second; live models of the dataset
     * ({@code Linear.live(true)}) follow each change exactly. The follower outlives this caller; it stops with
     * {@link #stopFollowing}, when the dataset is dropped, or when its member leaves. A dataset of that name already
     * converted from that map with those paths is followed as it is (re-converted in the first round).
     *
     * @param map   the host map's name (event journal enabled)
     * @param name  the dataset's name
     * @param paths the attribute paths, one per column
     * @return the dataset as converted
     */
    public Dataset follow(String map, String name, String... paths) {
        Checks.given("Gridlearn.follow(map, name, paths)", "paths", paths);
        return follow(map, name, Missing.ERROR, java.util.Arrays.asList(paths),
                java.time.Duration.ofMillis(io.gridlearn.data.hostmap.HostMapFollow.DEFAULT_INTERVAL_MS));
    }

    /**
     * As {@link #follow(String, String, String...)}, with a rule for null values and the shortest time between two
     * published changes (and so between two versions of each live model).
     *
     * @param map          the host map's name (event journal enabled)
     * @param name         the dataset's name
     * @param missing      {@link Missing#ERROR} or {@link Missing#SKIP}
     * @param paths        the attribute paths, one per column
     * @param publishEvery at least this long between two published changes, 10 ms to 1 hour
     * @return the dataset as converted
     */
    public Dataset follow(String map, String name, Missing missing, List<String> paths, java.time.Duration publishEvery) {
        String where = "Gridlearn.follow(map, name, missing, paths, publishEvery)";
        Checks.given(where, "map", map);
        Checks.given(where, "name", name);
        Checks.given(where, "missing", missing);
        Checks.given(where, "paths", paths);
        Checks.given(where, "publishEvery", publishEvery);
        if (missing == Missing.MEAN) {
            throw new BadInputException("follow: --missing is error or skip, not mean");
        }
        return new Dataset(io.gridlearn.data.hostmap.HostMapFollow.start(hz, map, name, paths, missing,
                CsvOptions.defaults().blockSize(), publishEvery.toMillis()));
    }

    /**
     * Stops following a dataset ({@link #follow}); the dataset stays as it is.
     *
     * @param name the dataset's name
     * @return false when it was not followed
     */
    public boolean stopFollowing(String name) {
        Checks.given("Gridlearn.stopFollowing(name)", "name", name);
        return io.gridlearn.data.hostmap.HostMapFollow.stop(hz, name);
    }

    /**
     * The dataset of that name, or a message naming the datasets there are.
     *
     * @param name the dataset's name
     * @return the dataset, a snapshot of its schema
     */
    public Dataset dataset(String name) {
        return new Dataset(new DatasetCatalog(hz).get(name));
    }

    /**
     * Every dataset.
     *
     * @return every dataset in the grid, each a snapshot of its schema
     */
    public List<Dataset> datasets() {
        return new DatasetCatalog(hz).list().stream().map(Dataset::new).toList();
    }

    /**
     * Removes a dataset and its blocks; false when there was none of that name. A follower of the dataset
     * ({@link #follow}) is stopped first.
     *
     * @param name the dataset's name
     * @return true when a dataset was removed
     */
    public boolean drop(String name) {
        io.gridlearn.data.hostmap.HostMapFollow.stop(hz, name);
        return new DatasetCatalog(hz).drop(name);
    }

    /**
     * The model store.
     *
     * @return the store of this grid's models, with their versions
     */
    public Models models() {
        return new Models(ModelStore.forInstance(hz));
    }

    /**
     * Fits {@code spec} on {@code data} and publishes the model as the next version of {@code DATASET-ALGORITHM}.
     *
     * @param spec the learner and its options, e.g. {@code Linear.ols().target("medv")}
     * @param data the dataset to fit on
     * @return the published model, carrying its name and version
     */
    public Model fit(LearnerSpec spec, Dataset data) {
        return fit(spec, data, FitOptions.defaults());
    }

    /**
     * Fits {@code spec} on {@code data} as {@code options} say, and publishes the model.
     *
     * @param spec    the learner and its options
     * @param data    the dataset to fit on
     * @param options the model's name, resume and checkpoint listener
     * @return the published model, carrying its name and version
     */
    public Model fit(LearnerSpec spec, Dataset data, FitOptions options) {
        return run(spec, data, options, () -> false);
    }

    /**
     * Starts a fit in the background; the returned handle follows and cancels it.
     *
     * @param spec    the learner and its options
     * @param data    the dataset to fit on
     * @param options the model's name, resume and checkpoint listener
     * @return the running fit; its {@link Fit#await()} gives the model
     */
    public Fit start(LearnerSpec spec, Dataset data, FitOptions options) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Model> result = CompletableFuture.supplyAsync(() -> run(spec, data, options, cancelled::get));
        return new Fit(result, cancelled);
    }

    private Model run(LearnerSpec spec, Dataset data, FitOptions options, java.util.function.BooleanSupplier cancelled) {
        Checks.given("Gridlearn.fit(spec, data)", "spec", spec);
        Checks.given("Gridlearn.fit(spec, data)", "data", data);
        Checks.given("Gridlearn.fit(spec, data, options)", "options", options);
        String name = options.name() != null ? options.name() : ModelStore.checkName(data.name() + "-" + spec.algorithm());
        FitControl control = new FitControl(options.resume(),
                options.onCheckpoint() == null ? null : m -> options.onCheckpoint().accept(new Model(m)), null,
                cancelled, false);
        return new Model(FitDriver.fit(hz, data.name(), name, spec, control));
    }

    /**
     * Column statistics of a dataset from one exact pass next to the data: count, missing, mean, sample variance
     * (divisor n − 1), minimum and maximum per column.
     *
     * @param data the dataset
     * @return the statistics, one entry per column in order
     */
    public List<io.gridlearn.stats.ColumnSummary> describe(Dataset data) {
        Checks.given("Gridlearn.describe(data)", "data", data);
        return io.gridlearn.stats.DatasetStatistics.describe(new DatasetCatalog(hz), data.name()).columns();
    }

    /**
     * Metrics of a model on a whole dataset, in one pass next to the data: {@code mse}, {@code rmse}, {@code mae},
     * {@code r2} for regression models; {@code accuracy}, {@code logLoss} and {@code confusionMatrix} (rows true,
     * columns predicted) for classifiers; for a GLM its mean deviance and its family's metrics ({@code meanDeviance},
     * {@code deviance}, {@code rmse}, {@code mae}; Gaussian {@code mse} and {@code r2}; binomial {@code logLoss} and
     * {@code auc}), weighted by the model's weights column when the dataset has it. The dataset must have the
     * model's features and target by name (and a GLM's offset column, when it was fit with one).
     *
     * @param model the model
     * @param data  the dataset
     * @return the metrics by name
     */
    public java.util.Map<String, Object> evaluate(Model model, Dataset data) {
        Checks.given("Gridlearn.evaluate(model, data)", "model", model);
        Checks.given("Gridlearn.evaluate(model, data)", "data", data);
        return io.gridlearn.eval.GridScoring.evaluateAny(hz, model.document(), data.name());
    }

    /**
     * Scores every row of a dataset next to the data and stores the predictions as a new dataset with the
     * column {@code prediction} (and the target, when the data has it), row for row with the input; the values
     * are the same bits as {@link Model#predict}.
     *
     * @param model the model
     * @param data  the rows to score
     * @param into  the name of the new dataset
     * @return the new dataset
     */
    public Dataset predictInto(Model model, Dataset data, String into) {
        Checks.given("Gridlearn.predictInto(model, data, into)", "model", model);
        Checks.given("Gridlearn.predictInto(model, data, into)", "data", data);
        return new Dataset(io.gridlearn.eval.GridScoring.predictInto(hz, model.document(), data.name(), into));
    }

    /**
     * As {@link #predictInto(Model, Dataset, String)}, on the given scale: the values are the same bits as
     * {@link Model#predict(java.util.Map, PredictionType)}. {@link PredictionType#LINK} is refused for a model
     * without a link scale, naming its algorithm. A model that reads columns besides its features (a GLM fit with
     * an offset) needs them in the dataset, by name; a row whose value is missing gets NaN.
     *
     * @param model the model
     * @param data  the rows to score
     * @param into  the name of the new dataset
     * @param type  the scale of the predictions
     * @return the new dataset
     */
    public Dataset predictInto(Model model, Dataset data, String into, PredictionType type) {
        String where = "Gridlearn.predictInto(model, data, into, type)";
        Checks.given(where, "model", model);
        Checks.given(where, "data", data);
        Checks.given(where, "type", type);
        try {
            io.gridlearn.model.Predictors.of(model.document(), type);
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        return new Dataset(io.gridlearn.eval.GridScoring.predictInto(hz, model.document(), data.name(), into, type));
    }

    /**
     * Scores a dataset built from a host map ({@link #fromMap}) next to the data and writes each row's prediction,
     * a {@code Double}, into the map {@code map} under the row's key in the source map: the host then reads
     * {@code IMap<K, Double>} with its own keys. Each member writes the rows it holds, into the same partitions.
     * The values are the same bits as {@link #predictInto(Model, Dataset, String, PredictionType)}.
     *
     * @param model the model
     * @param data  a dataset built from a host map
     * @param map   the map that receives the predictions (created if absent; existing keys are overwritten)
     * @param type  the scale of the predictions
     * @return the number of rows written
     */
    public long predictIntoMap(Model model, Dataset data, String map, PredictionType type) {
        String where = "Gridlearn.predictIntoMap(model, data, map, type)";
        Checks.given(where, "model", model);
        Checks.given(where, "data", data);
        Checks.given(where, "map", map);
        Checks.given(where, "type", type);
        try {
            return (Long) io.gridlearn.eval.GridScoring.predictIntoMap(hz, model.document(), data.name(), map, type)
                    .get("rows");
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
    }

    /**
     * Appends the rows of a CSV with the dataset's header to it, as new blocks, and brings the live models that
     * follow the dataset up to date.
     *
     * @param data the dataset
     * @param csv  the rows, with a header naming the dataset's columns
     * @return the dataset after the append
     */
    public Dataset appendCsv(Dataset data, Path csv) {
        Checks.given("Gridlearn.appendCsv(data, csv)", "data", data);
        Checks.given("Gridlearn.appendCsv(data, csv)", "csv", csv);
        io.gridlearn.data.DatasetAppender.Appended appended = io.gridlearn.data.DatasetAppender.appendCsv(
                new DatasetCatalog(hz), data.name(), csv, (read, total) -> { });
        io.gridlearn.runtime.LiveModelsOf.onAppend(hz, appended);
        return new Dataset(appended.after());
    }

    /** Stops the embedded members this instance started; a member or client given to {@link #on} is left running. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
