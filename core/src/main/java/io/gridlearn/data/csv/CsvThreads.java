package io.gridlearn.data.csv;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of an ingest are daemons with recognisable names: a stuck or leaked one then never keeps the
 * JVM alive and is easy to spot in a thread dump (tests look for the {@code gridlearn-csv-} prefix).
 */
final class CsvThreads {
    static final String PREFIX = "gridlearn-csv-";

    private CsvThreads() {
    }

    static Thread newThread(Runnable task, String name) {
        Thread t = new Thread(task, PREFIX + name);
        t.setDaemon(true);
        return t;
    }

    /** A factory of such threads that also hands every thread it makes to {@code created} (to join them later). */
    static ThreadFactory factory(String name, java.util.function.Consumer<Thread> created) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = newThread(task, name + "-" + count.incrementAndGet());
            created.accept(t);
            return t;
        };
    }
}
