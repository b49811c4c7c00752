/**
 * Runnable examples of the library used from Java on an embedded grid: an exact linear regression on the Boston
 * housing data, a live linear model that follows rows streamed into the grid, and a host application that learns
 * from its own map of Compact records and scores its changes with Jet. They use core's public API only
 * ({@code data}, {@code data.csv}, {@code data.hostmap}, {@code grid}, {@code jet}, {@code linear}, {@code model}),
 * as a host application would.
 */
package io.gridlearn.examples;
