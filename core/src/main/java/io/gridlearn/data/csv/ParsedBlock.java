package io.gridlearn.data.csv;

/**
 * A parsed unit before commit. Categorical cells hold block-local codes because the global codes depend on
 * every earlier block, which only the ordered commit stage knows.
 *
 * @param values column-major; for categorical columns the index into {@code localLevels[c]}, or NaN
 * @param localLevels per column, distinct values in order of first appearance in the block; null for numeric
 */
record ParsedBlock(int blockId, int rows, double[] values, String[][] localLevels, long endOffset) {
}
