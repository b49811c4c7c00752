package io.gridlearn.data;

/** What every pass over a dataset counts, so that {@link Passes} can tell a complete pass from a partial one. */
public interface PassCounts {
    long blocks();

    long rows();
}
