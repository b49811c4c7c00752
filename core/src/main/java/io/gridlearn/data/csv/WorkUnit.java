package io.gridlearn.data.csv;

/**
 * The raw bytes of whole records that become one block: cut by the reader so that workers can parse
 * units independently and still produce blocks of exactly {@code blockSize} rows.
 *
 * @param data the records in {@code data[0, length)}; the array may be longer (it is pooled)
 * @param records how many records the reader counted; the worker must find exactly as many
 * @param startLine physical line of the first record, so workers report errors at the right line
 * @param endOffset file offset just past the unit, for progress reporting
 */
record WorkUnit(int blockId, byte[] data, int length, int records, long startLine, long endOffset) {
}
