package io.gridlearn.data.csv;

/**
 * Told, after each committed block, how far into the file the committed rows reach, so that a long load
 * can show progress. Called on the ingesting thread; the last call has {@code bytesRead == totalBytes}.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Reports progress.
     *
     * @param bytesRead the bytes of the file up to the end of the last committed row
     * @param totalBytes the file's size
     */
    void progress(long bytesRead, long totalBytes);
}
