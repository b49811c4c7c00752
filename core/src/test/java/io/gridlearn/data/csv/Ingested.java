package io.gridlearn.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gridlearn.data.RowBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: an ingest's header and all its blocks, collected in order. */
record Ingested(CsvHeader header, List<RowBlock> blocks) {

    static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    static Ingested of(Path file, CsvOptions options) {
        List<RowBlock> blocks = new ArrayList<>();
        CsvHeader header = CsvIngest.ingest(file, options, block -> {
            assertEquals(blocks.size(), block.blockId(), "blocks arrive in order");
            blocks.add(block);
        }, null);
        return new Ingested(header, blocks);
    }

    static Ingested of(Path file) {
        return of(file, CsvOptions.defaults().withThreads(2));
    }

    /** Value at data row {@code row} (0-based, over all blocks), column {@code col}. */
    double get(long row, int col) {
        int size = blocks.get(0).rows();
        return blocks.get((int) (row / size)).get((int) (row % size), col);
    }

    long rows() {
        return blocks.stream().mapToLong(RowBlock::rows).sum();
    }

    /** The level text of a categorical cell, or null if missing. */
    String level(long row, int col) {
        double code = get(row, col);
        return Double.isNaN(code) ? null : header.levels().get(col).get((int) code);
    }

    static long liveCsvThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(CsvThreads.PREFIX))
                .count();
    }
}
