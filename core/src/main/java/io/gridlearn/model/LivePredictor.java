package io.gridlearn.model;

import com.hazelcast.core.HazelcastInstance;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves predictions from the latest version of a named model, on the caller's thread and without touching
 * the grid: a background thread reads the store every {@code refreshMillis} and swaps in a new predictor
 * when the version changed, so a new version is picked up within that bound and a prediction costs only
 * the model's arithmetic (a volatile read and, for a linear model, d fused multiply-adds).
 */
public final class LivePredictor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LivePredictor.class.getName());

    private record Current(long version, RowPredictor predictor) {
    }

    private final ModelStore store;
    private final String name;
    private final ScheduledExecutorService refresher;
    private volatile Current current;

    /**
     * Starts following a model; its first refresh is at once, from then on every {@code refreshMillis}.
     *
     * @param hz            a member or client of the grid
     * @param name          the model's name in the store
     * @param refreshMillis the wait between refreshes, in milliseconds, ≥ 1
     */
    public LivePredictor(HazelcastInstance hz, String name, long refreshMillis) {
        if (refreshMillis < 1) {
            throw new IllegalArgumentException("refreshMillis must be >= 1, was " + refreshMillis);
        }
        this.store = ModelStore.forInstance(hz);
        this.name = ModelStore.checkName(name);
        refresh();
        if (current == null) {
            store.get(name); // a clear error for an unknown model
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gridlearn-live-predictor-" + name);
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        ModelDocument m = store.current(name).orElse(null);
        Current c = current;
        if (m != null && (c == null || c.version() != m.version())) {
            current = new Current(m.version(), Predictors.of(m));
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "live predictor " + name + ": refresh failed, keeping version "
                    + current.version(), e);
        }
    }

    /**
     * The prediction of the newest version seen, for one row of features in the model's order.
     *
     * @param x one row of features, in the model's feature order, followed by the model's extra inputs when it
     *          has any ({@link Predictors#inputs}, a GLM's offset)
     * @return the prediction
     */
    public double predict(double[] x) {
        return current.predictor().predict(x);
    }

    /**
     * The version predictions currently come from.
     *
     * @return the version, from 1
     */
    public long version() {
        return current.version();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
