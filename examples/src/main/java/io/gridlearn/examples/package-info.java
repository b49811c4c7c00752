/**
 * Runnable examples of the library used from Java on an embedded grid: an exact linear regression on the Boston
 * housing data, and a live linear model that follows rows streamed into the grid. They use core's public API only
 * ({@code data}, {@code data.csv}, {@code grid}, {@code linear}, {@code model}), as a host application would.
 */
package io.gridlearn.examples;
