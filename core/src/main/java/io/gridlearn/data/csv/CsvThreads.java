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

    static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> newThread(task, name + "-" + count.incrementAndGet());
    }
}
