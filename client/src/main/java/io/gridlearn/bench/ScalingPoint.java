package io.gridlearn.bench;

/**
 * What the scaling suite measured at one size: the whole Cholesky fit, its fit pass alone and the plain loop,
 * and the largest absolute difference between the grid's coefficients and the loop's.
 */
record ScalingPoint(int members, int rows, Timing train, Timing pass, Timing loop, double coefDiff) {
}
