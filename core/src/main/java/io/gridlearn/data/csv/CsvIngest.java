package io.gridlearn.data.csv;

import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.data.ColumnKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Streams a CSV file into immutable {@link io.gridlearn.data.RowBlock}s.
 *
 * <p>Parsing is parallel but the result is not: blocks reach the sink in order, categorical codes follow
 * the order of first appearance in the file, and the error reported is the first in the file. Memory is
 * bounded by {@link CsvOptions#maxBlocksInFlight()}, not by the file size.
 *
 * <p>Values: numbers (see {@link CsvNumbers}); empty, {@code NA}, {@code NaN} or {@code nan} for missing
 * ({@code NaN} in any column); anything else makes a column categorical if it appears in the type-inference
 * sample and is an error after it. Trailing empty lines are ignored; an empty line elsewhere is a missing
 * value in a one-column file and a malformed row otherwise.
 */
public final class CsvIngest {
    private static final int PRELUDE_CHUNK = 64 << 10;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private CsvIngest() {
    }

    /**
     * Reads {@code file} and hands its blocks to {@code sink}, in order, on the calling thread.
     *
     * @param file the CSV file, with a header line
     * @param options block size, type-inference sample and threads
     * @param sink receives the blocks, in order
     * @param progress told how far the committed blocks reach; may be null
     * @throws BadInputException if the file is missing, unreadable or malformed (the message names line
     *     and column), or the sink threw it
     * @throws GridlearnException if reading failed for another reason or the sink threw a checked exception
     *     (as the cause); unchecked exceptions from the sink are rethrown as they are
     * @return the header, inferred kinds, categorical levels and row count of the file
     */
    public static CsvHeader ingest(Path file, CsvOptions options, BlockSink sink, ProgressListener progress) {
        return run(file, options, sink, progress, null, blockId -> { });
    }

    /**
     * As {@link #ingest(Path, CsvOptions, BlockSink, ProgressListener)}, telling {@code onHeader} the column
     * names and inferred kinds before the first block, so a caller can map columns (or refuse the file)
     * before any row is handed over.
     *
     * @param file the CSV file, with a header line
     * @param options block size, type-inference sample and threads
     * @param sink receives the blocks, in order
     * @param progress told how far the committed blocks reach; may be null
     * @param onHeader told the column names and kinds before the first block; may throw to refuse the file
     * @return the header, inferred kinds, categorical levels and row count of the file
     */
    public static CsvHeader ingest(Path file, CsvOptions options, BlockSink sink, ProgressListener progress,
                                   BiConsumer<List<String>, List<ColumnKind>> onHeader) {
        return run(file, options, sink, progress, onHeader, blockId -> { });
    }

    /** As above; {@code onUnitCut} sees each block id when the reader cuts it, so tests can check the memory bound. */
    static CsvHeader ingest(Path file, CsvOptions options, BlockSink sink, ProgressListener progress,
            IntConsumer onUnitCut) {
        return run(file, options, sink, progress, null, onUnitCut);
    }

    private static CsvHeader run(Path file, CsvOptions options, BlockSink sink, ProgressListener progress,
            BiConsumer<List<String>, List<ColumnKind>> onHeader, IntConsumer onUnitCut) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (FileChannel channel = open(file, name)) {
            long size = channel.size();
            long start = byteOrderMarkLength(channel, size);
            long end = contentEnd(channel, start, size);
            if (end <= start) {
                throw new BadInputException(name + ": the file is empty; expected a header line with the column"
                        + " names, then one line per row");
            }
            ChunkScanner prelude = new ChunkScanner(channel, name, start, end, 1, PRELUDE_CHUNK, null);
            List<String> names = CsvPrelude.names(prelude.next(1, 0), name);
            if (!prelude.hasMore()) {
                throw new BadInputException(name + ": the file has a header line but no data rows");
            }
            checkArraySize(name, options.blockSize(), names.size(), "blockSize");
            checkArraySize(name, options.sampleRows(), names.size(), "sampleRows");
            long dataStart = prelude.offset();
            long dataLine = prelude.line();
            CsvErrors errors = new CsvErrors(name, names, options.sampleRows());
            List<ColumnKind> kinds = CsvPrelude.kinds(prelude.next(options.sampleRows(), 0), names.size(), errors);
            if (onHeader != null) {
                onHeader.accept(names, kinds);
            }
            boolean[] categorical = new boolean[kinds.size()];
            for (int c = 0; c < categorical.length; c++) {
                categorical[c] = kinds.get(c) == ColumnKind.CATEGORICAL;
            }
            IngestPipeline pipeline = new IngestPipeline(channel, dataStart, end, dataLine, size, options,
                    categorical, errors, sink, progress, onUnitCut);
            long rows = pipeline.run();
            return new CsvHeader(names, kinds, pipeline.levels(), rows, size);
        } catch (IOException e) {
            throw new GridlearnException(name + ": reading failed: " + e, e);
        }
    }

    private static FileChannel open(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory, not a CSV file (" + file.toAbsolutePath() + ")");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file (" + file.toAbsolutePath() + ")");
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": the file cannot be read: permission denied ("
                    + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new BadInputException(name + ": the file cannot be opened: " + e.getMessage(), e);
        }
    }

    /** Editors on Windows write a UTF-8 byte-order mark, which would otherwise end up in the first name. */
    private static long byteOrderMarkLength(FileChannel channel, long size) throws IOException {
        if (size < 3) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.allocate(3);
        while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
            // read fully
        }
        return b.get(0) == (byte) 0xEF && b.get(1) == (byte) 0xBB && b.get(2) == (byte) 0xBF ? 3 : 0;
    }

    /**
     * Offset past the last byte that is not a line break. Cutting trailing line breaks up front is what
     * lets the reader hand out full blocks immediately: otherwise it could not know whether an empty line
     * is a (possibly erroneous) record or harmless padding at the end until it had read everything after it.
     */
    private static long contentEnd(FileChannel channel, long start, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 << 10);
        long end = size;
        while (end > start) {
            int n = (int) Math.min(b.capacity(), end - start);
            b.clear().limit(n);
            long from = end - n;
            while (b.hasRemaining()) {
                if (channel.read(b, from + b.position()) < 0) {
                    throw new GridlearnException("the file became shorter while it was being read");
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                byte c = b.get(i);
                if (c != '\n' && c != '\r') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return start;
    }

    private static void checkArraySize(String file, int rows, int columns, String option) {
        if ((long) rows * columns > MAX_ARRAY) {
            throw new BadInputException(file + ": " + option + " " + rows + " × " + columns
                    + " columns exceeds the largest array (" + MAX_ARRAY + " values); use a smaller " + option);
        }
    }
}
