/**
 * The lanes of {@code io.gridlearn.simd} on the incubating Vector API ({@code jdk.incubator.vector}): the one class
 * that needs the incubator module, kept in a package of its own so that nothing links against it unless the module
 * is there ({@code Simd} loads it by name) and the Javadoc build, which runs without the module, leaves it out.
 * It uses only {@code io.gridlearn.simd}.
 */
package io.gridlearn.simd.vector;
