package io.gridlearn.linear;

import io.gridlearn.OptionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.BlockIds;
import io.gridlearn.data.DatasetAppender;
import io.gridlearn.data.DatasetChange;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.Passes;
import io.gridlearn.data.RowBlock;
import io.gridlearn.data.RowGrouping;
import io.gridlearn.eval.RegressionMetrics;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelStore;
import io.gridlearn.stats.MomentMatrix;
import io.gridlearn.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Live linear models ({@code fit … --live}): the exact moments of the model's columns are kept in the grid,
 * and every change of the dataset — append, removal, replacement — is absorbed by adding the moments of the
 * new blocks and subtracting those of the removed ones, then re-solving, O(d³), and publishing a new
 * version. Moments are exact sums ({@link MomentMatrix}, {@code ExactSum}), so subtraction is exact too:
 * <pre>
 *   M' = M − Σ_{b ∈ C∖L} m(b) + Σ_{b ∈ L∖C} m(b) = Σ_{b ∈ L} m(b)
 * </pre>
 * bit for bit the moments a full pass over the current layout L computes, so a live model always equals a
 * full refit with {@code --solver cholesky} on the current data (tested), after any sequence of changes.
 *
 * <p><b>Protocol.</b> A model's state is one value (C, M): the block ids C its moments cover and the moments
 * M over exactly those blocks ({@link LiveState}). {@link #refresh} compares C with the newest layout L,
 * aggregates m over C∖L (blocks that left) and L∖C (blocks that came), publishes the re-solved model, and
 * only then writes (L, M') — as one value, under a lock per model so two refreshes cannot interleave. A
 * step that fails leaves (C, M) as it was; the next refresh computes from the same C, so nothing is ever
 * subtracted twice or added twice. The moments of removed blocks are read from the blocks themselves, so
 * {@link io.gridlearn.data.DatasetEditor} deletes removed blocks only after the live models were refreshed.
 * If they are gone anyway (the process that removed them died before the refresh, or a refresh failed) or
 * anything else does not add up (blocks missing, a row count that differs from the schema's), the refresh
 * falls back to one full pass over L — slower, the same bits. The published model's summary says which
 * ({@code liveUpdate}: {@code incremental} or {@code full pass}).
 */
public final class LiveModels {
    /** Live model states by model name. */
    public static final String LIVE_MAP = "gridlearn.live";

    private LiveModels() {
    }

    /** The options a live model is solved with: the normal-equation route, no split. */
    static LinearOptions liveOptions(LinearOptions o) {
        if (o.grouping().hasTest() || o.grouping().folds() > 1 || o.pathLength() > 0 || !o.method().equals("exact")
                || !o.missing().equals("error")) {
            throw OptionException.worded("{live} models are refitted from maintained statistics: no {testFraction}, "
                    + "{folds}, {path}, {method} average, {missing} skip or {missing} mean");
        }
        return o.withSolver("cholesky");
    }

    /**
     * Fits {@code job} once (one pass), publishes it and registers it as live.
     *
     * @param hz   a member or client of the grid
     * @param name the model's name in the store
     * @param job  the dataset, columns and options (no split, path, {@code average} or {@code --missing} other than
     *             {@code error})
     * @return the published version
     * @throws io.gridlearn.OptionException if the options cannot be kept live
     * @throws io.gridlearn.BadInputException if a row has a missing or infinite value
     */
    public static ModelDocument register(HazelcastInstance hz, String name, LinearJob job) {
        LinearOptions o = liveOptions(job.options());
        DatasetCatalog catalog = new DatasetCatalog(hz);
        DatasetSchema schema = catalog.get(job.dataset());
        LinearDesign design = LinearDesign.resolve(schema, job.target(), job.features(), job.weights());
        LinearPassAggregator pass = fullPass(catalog, schema, design, o);
        if (pass.badWeights() > 0) {
            throw io.gridlearn.pass.Weights.refusal(new io.gridlearn.pass.GridPassRunner(catalog, schema),
                    design.weightColumn(), design.weights(), pass.badWeights());
        }
        if (pass.badRows() > 0) {
            throw new BadInputException("dataset '" + schema.name() + "': " + pass.badRows()
                    + " rows have a missing or infinite value; a live model needs clean data");
        }
        LiveState state = new LiveState(schema.name(), design.target(), design.features(), toJson(o),
                schema.layout(), pass.moments(0), design.weights());
        ModelStore store = ModelStore.forInstance(hz);
        IMap<String, LiveState> live = hz.getMap(LIVE_MAP);
        lock(live, name);
        try { // under the model's lock, so a refresh running meanwhile cannot overwrite this state with its own
            long current = store.current(name).map(ModelDocument::version).orElse(0L);
            ModelDocument published = store.publish(name, current, solve(schema, design, o, state, "registered"));
            live.set(name, state);
            return published;
        } finally {
            live.unlock(name);
        }
    }

    /**
     * After an append: brings every live model of that dataset up to date; returns the versions published.
     *
     * @param hz       a member or client of the grid
     * @param appended what the append changed
     * @return the versions published, one per live model of the dataset that changed
     */
    public static List<ModelDocument> onAppend(HazelcastInstance hz, DatasetAppender.Appended appended) {
        return refreshAll(hz, appended.after().name());
    }

    /**
     * After a removal or replacement (call it before the removed blocks are purged, e.g. as the
     * {@code beforePurge} of {@link io.gridlearn.data.DatasetEditor}): brings every live model of that
     * dataset up to date; returns the versions published.
     *
     * @param hz     a member or client of the grid
     * @param change what the removal or replacement changed
     * @return the versions published, one per live model of the dataset that changed
     */
    public static List<ModelDocument> onChange(HazelcastInstance hz, DatasetChange change) {
        return refreshAll(hz, change.after().name());
    }

    /**
     * Stops every live linear model of {@code dataset}, e.g. when the dataset is dropped: their published
     * versions stay in the store, but a dataset loaded later under the same name must not be mistaken for the
     * one their moments describe. Returns the names stopped.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @return the names of the models stopped, in name order
     */
    public static List<String> unregisterDataset(HazelcastInstance hz, String dataset) {
        IMap<String, LiveState> live = hz.getMap(LIVE_MAP);
        List<String> stopped = new ArrayList<>();
        for (String name : new TreeSet<>(live.keySet())) {
            LiveState s = live.get(name);
            if (s != null && s.dataset().equals(dataset)) {
                live.delete(name);
                stopped.add(name);
            }
        }
        return stopped;
    }

    /**
     * Brings every live model of a dataset up to its newest layout.
     *
     * @param hz      a member or client of the grid
     * @param dataset the dataset's name
     * @return the versions published, in model-name order; models already current publish none
     */
    public static List<ModelDocument> refreshAll(HazelcastInstance hz, String dataset) {
        IMap<String, LiveState> live = hz.getMap(LIVE_MAP);
        List<ModelDocument> published = new ArrayList<>();
        // names only: reading every model's state here would deserialize all their moments for nothing
        for (String name : new TreeSet<>(live.keySet())) {
            refresh(hz, name, dataset).ifPresent(published::add);
        }
        return published;
    }

    /**
     * Brings one live model up to its dataset's newest layout (the protocol of the class comment); empty when
     * it already covers exactly that layout.
     *
     * @param hz   a member or client of the grid
     * @param name the live model's name
     * @return the version published, or empty
     * @throws io.gridlearn.BadInputException if {@code name} is not a live model
     */
    public static Optional<ModelDocument> refresh(HazelcastInstance hz, String name) {
        return refresh(hz, name, null);
    }

    /**
     * Takes model {@code name}'s lock, waiting up to a minute. No lease: a refresh may take a full pass, and a
     * lease running out mid-update would let a second process in (Hazelcast releases the locks of a member or
     * client that dies).
     */
    private static void lock(IMap<String, LiveState> live, String name) {
        boolean locked;
        try {
            locked = live.tryLock(name, 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridlearnException("interrupted while waiting for live model '" + name + "'", e);
        }
        if (!locked) {
            throw new GridlearnException("live model '" + name + "' is being updated by another process; retry");
        }
    }

    /** {@link #refresh(HazelcastInstance, String)} if the model learns from {@code dataset} (null: any). */
    private static Optional<ModelDocument> refresh(HazelcastInstance hz, String name, String dataset) {
        IMap<String, LiveState> live = hz.getMap(LIVE_MAP);
        lock(live, name);
        try {
            LiveState s = live.get(name);
            if (s == null) {
                if (dataset != null) {
                    return Optional.empty(); // unregistered meanwhile
                }
                throw new BadInputException("'" + name + "' is not a live model");
            }
            if (dataset != null && !s.dataset().equals(dataset)) {
                return Optional.empty();
            }
            DatasetCatalog catalog = new DatasetCatalog(hz);
            DatasetSchema schema = catalog.get(s.dataset());
            BlockIds gone = s.covered().minus(schema.layout());
            BlockIds fresh = schema.layout().minus(s.covered());
            if (gone.isEmpty() && fresh.isEmpty()) {
                return Optional.empty();
            }
            LinearOptions o = fromJson(s.optionsJson());
            LinearDesign design = LinearDesign.resolve(schema, s.target(), s.features(), s.weights());
            MomentMatrix total = incremental(catalog, schema, design, o, s, gone, fresh, name);
            String how = "incremental";
            if (total == null) {
                how = "full pass";
                LinearPassAggregator all = fullPass(catalog, schema, design, o);
                if (all.badWeights() > 0) {
                    throw new BadInputException("live model '" + name + "': " + all.badWeights() + " rows of dataset '"
                            + schema.name() + "' have a negative or non-finite weight in '" + design.weights() + "'");
                }
                if (all.badRows() > 0) {
                    throw new BadInputException("live model '" + name + "': " + all.badRows()
                            + " rows of dataset '" + schema.name() + "' have a missing or infinite value");
                }
                total = all.moments(0);
            }
            LiveState next = new LiveState(s.dataset(), s.target(), s.features(), s.optionsJson(), schema.layout(),
                    total, s.weights());
            ModelStore store = ModelStore.forInstance(hz);
            long current = store.current(name).map(ModelDocument::version).orElse(0L);
            ModelDocument published = store.publish(name, current, solve(schema, design, o, next, how));
            live.set(name, next);
            return Optional.of(published);
        } finally {
            live.unlock(name);
        }
    }

    /**
     * M − m(gone) + m(fresh) from passes over those blocks only; null when that cannot be trusted (blocks
     * that left are already deleted, blocks missing, or a row count that differs from the schema's), in which
     * case the caller makes a full pass.
     */
    private static MomentMatrix incremental(DatasetCatalog catalog, DatasetSchema schema, LinearDesign design,
                                            LinearOptions o, LiveState s, BlockIds gone, BlockIds fresh,
                                            String name) {
        IMap<Integer, RowBlock> blocks = catalog.blocks(schema);
        MomentMatrix total = new MomentMatrix(s.moments().dimension());
        total.add(s.moments(), 1);
        if (!gone.isEmpty()) {
            LinearPassAggregator out = blocks.aggregate(newPass(design, schema, o), gone.predicate());
            if (out.blocks() != gone.size()) {
                return null; // purged before this model subtracted them
            }
            total.add(out.moments(0), -1);
        }
        if (!fresh.isEmpty()) {
            LinearPassAggregator in = fresh.size() <= FEW_BLOCKS ? byKeys(blocks, fresh, design, schema, o)
                    : blocks.aggregate(newPass(design, schema, o), fresh.predicate());
            if (in == null || in.blocks() != fresh.size()) {
                return null; // a member lost mid-pass: the full pass retries and names lost blocks
            }
            if (in.badWeights() > 0) {
                throw new BadInputException("live model '" + name + "': " + in.badWeights() + " new rows have a"
                        + " negative or non-finite weight in '" + design.weights() + "'; frequency weights must be"
                        + " finite and >= 0: remove or replace their block");
            }
            if (in.badRows() > 0) {
                throw new BadInputException("live model '" + name + "': " + in.badRows()
                        + " new rows have a missing or infinite value; remove or replace their block");
            }
            total.add(in.moments(0), 1);
        }
        return total.count() == schema.rows() ? total : null;
    }

    /** Up to this many new blocks are read by key ({@link #byKeys}); more go through an aggregation. */
    private static final int FEW_BLOCKS = 16;

    /**
     * The moments of a few blocks through {@link BlockMomentsProcessor} (one operation per owning partition
     * instead of an aggregation over every partition); null when a block is missing.
     */
    private static LinearPassAggregator byKeys(IMap<Integer, RowBlock> blocks, BlockIds ids, LinearDesign design,
                                               DatasetSchema schema, LinearOptions o) {
        java.util.Set<Integer> keys = new java.util.TreeSet<>();
        ids.forEach(keys::add);
        Map<Integer, LinearPassAggregator> parts = blocks.executeOnKeys(keys,
                new BlockMomentsProcessor(newPass(design, schema, o)));
        LinearPassAggregator total = newPass(design, schema, o);
        for (Integer k : keys) {
            LinearPassAggregator part = parts.get(k);
            if (part == null) {
                return null;
            }
            total.combine(part);
        }
        return total;
    }

    private static LinearPassAggregator newPass(LinearDesign design, DatasetSchema schema, LinearOptions o) {
        return new LinearPassAggregator(design.zColumns(), RowGrouping.NONE, schema.blockSize(), false, o.intercept(),
                null, null, design.weightColumn());
    }

    private static LinearPassAggregator fullPass(DatasetCatalog catalog, DatasetSchema schema, LinearDesign design,
                                                 LinearOptions o) {
        return Passes.aggregate(catalog, schema, () -> newPass(design, schema, o));
    }

    private static ModelDocument solve(DatasetSchema schema, LinearDesign design, LinearOptions o, LiveState s,
                                       String how) {
        MomentMatrix m = s.moments();
        LinearSolution fit = LinearSolver.solve(m, null, design.features(), o);
        Map<String, Object> summary = new LinkedHashMap<>(fit.summary());
        summary.put("live", true);
        summary.put("blocksCovered", s.covered().count());
        summary.put("coveredBlocks", s.covered().toString());
        summary.put("liveUpdate", how);
        RegressionMetrics rm = LinearTrainer.heldOut(m, fit.intercept(), fit.coefficients());
        Map<String, Double> train = new LinkedHashMap<>();
        train.put("rows", (double) rm.n());
        train.put("r2", rm.r2());
        train.put("mse", rm.mse());
        train.put("rmse", rm.rmse());
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        metrics.put("train", train);
        return LinearTrainer.document(schema, design, o, fit, summary, metrics, m.count());
    }

    private static String toJson(LinearOptions o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write options", e);
        }
    }

    private static LinearOptions fromJson(String json) {
        try {
            return Json.mapper().readValue(json, LinearOptions.class);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("corrupt live model options: " + e.getOriginalMessage(), e);
        }
    }
}
