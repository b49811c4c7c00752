package io.gridlearn.data.csv;

/**
 * Told, after each committed block, how far into the file the committed rows reach, so that a long load
 * can show progress. Called on the ingesting thread; the last call has {@code bytesRead == totalBytes}.
 */
@FunctionalInterface
public interface ProgressListener {
    void progress(long bytesRead, long totalBytes);
}
