/**
 * Small utilities with no gridlearn dependencies: the one hardened Jackson mapper ({@link io.gridlearn.util.Json},
 * limits against hostile model files) and the library's own version ({@link io.gridlearn.util.Versions}). Any
 * package may use it; it uses nothing of gridlearn.
 */
package io.gridlearn.util;
