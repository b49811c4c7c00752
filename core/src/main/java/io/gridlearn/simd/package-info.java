/**
 * Fixed-order vector arithmetic for the block kernels: dot products and updates in a documented lane order
 * ({@link io.gridlearn.simd.Lanes}), computed either in plain Java ({@link io.gridlearn.simd.ScalarLanes}) or on
 * the incubating Vector API ({@code VectorLanes}) with bit-identical results, chosen once per
 * JVM by {@link io.gridlearn.simd.Simd}; plus the packed lower products of column sets and per-thread scratch
 * arrays. A leaf package: it uses nothing of gridlearn, and any kernel may use it.
 */
package io.gridlearn.simd;
