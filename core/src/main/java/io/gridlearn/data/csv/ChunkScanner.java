package io.gridlearn.data.csv;

import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Cuts a byte range of the file into {@link WorkUnit}s of a fixed number of records, reading large chunks.
 *
 * <p>This is the only sequential step of parsing, so it does the least possible: it looks at each byte
 * once, for line feeds and quotes only. A line feed ends a record unless an odd number of quotes precedes
 * it in the record; for valid RFC 4180 input that toggle is exact, and for invalid input (a stray quote)
 * the worker that parses the unit reports the error at its true position before the miscount matters.
 * Lines are counted including those inside quoted fields so each unit knows its physical first line.
 */
final class ChunkScanner {
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 16;

    private final FileChannel channel;
    private final String file;
    private final long end;
    private final BufferPool pool;
    private long readPos;
    private byte[] buf;
    private int bufLen;
    private int unitStart;
    private long unitOffset;
    private long line;

    /**
     * @param start first byte to scan
     * @param end end of the content: trailing line breaks are already excluded, so the last record never
     *     ends with one and trailing empty lines are not records
     * @param firstLine physical line number at {@code start}
     * @param pool where unit buffers come from, or null to allocate each
     */
    ChunkScanner(FileChannel channel, String file, long start, long end, long firstLine, int chunkSize,
            BufferPool pool) {
        this.channel = channel;
        this.file = file;
        this.end = end;
        this.pool = pool;
        this.readPos = start;
        this.unitOffset = start;
        this.line = firstLine;
        this.buf = new byte[(int) Math.max(16, Math.min(chunkSize, end - start))];
    }

    boolean hasMore() {
        return unitOffset < end;
    }

    /** File offset where the next unit starts. */
    long offset() {
        return unitOffset;
    }

    /** Physical line where the next unit starts. */
    long line() {
        return line;
    }

    /** The next {@code maxRecords} records (fewer at the end of the file), or null when none remain. */
    WorkUnit next(int maxRecords, int blockId) throws IOException {
        if (!hasMore()) {
            return null;
        }
        int p = unitStart;
        int records = 0;
        long lineFeeds = 0;
        boolean inQuotes = false;
        boolean full = false;
        while (true) {
            final byte[] b = buf;
            final int n = bufLen;
            while (p < n) {
                byte c = b[p++];
                if (c > '"') { // most bytes: neither '\n' (10) nor '"' (34)
                    continue;
                }
                if (c == '\n') {
                    lineFeeds++;
                    if (!inQuotes && ++records == maxRecords) {
                        full = true;
                        break;
                    }
                } else if (c == '"') {
                    inQuotes = !inQuotes;
                }
            }
            if (full || readPos >= end) {
                break;
            }
            p -= fill(maxRecords);
        }
        if (!full) {
            records++; // the last record of the file has no line break: they were cut off
        }
        int length = p - unitStart;
        byte[] data = pool == null ? new byte[length] : pool.take(length);
        System.arraycopy(buf, unitStart, data, 0, length);
        unitOffset += length;
        WorkUnit unit = new WorkUnit(blockId, data, length, records, line, unitOffset);
        unitStart = p;
        line += lineFeeds;
        return unit;
    }

    /** Moves the current partial unit to the front, grows if it fills the buffer, and reads more. */
    private int fill(int maxRecords) throws IOException {
        int shift = unitStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, bufLen - shift);
            bufLen -= shift;
            unitStart = 0;
        }
        if (bufLen == buf.length) {
            if (buf.length == MAX_BUFFER) {
                throw new BadInputException(file + ": " + maxRecords + " records starting at line " + line
                        + " take more than 2 GiB; use a smaller block size, or check for a quoted field"
                        + " that is never closed");
            }
            byte[] bigger = new byte[(int) Math.min(MAX_BUFFER, 2L * buf.length)];
            System.arraycopy(buf, 0, bigger, 0, bufLen);
            buf = bigger;
        }
        ByteBuffer target = ByteBuffer.wrap(buf, bufLen, (int) Math.min(buf.length - bufLen, end - readPos));
        while (target.hasRemaining()) {
            int n = channel.read(target, readPos);
            if (n < 0) {
                throw new GridlearnException(file + ": the file became shorter while it was being read");
            }
            readPos += n;
        }
        bufLen = target.position();
        return shift;
    }
}
