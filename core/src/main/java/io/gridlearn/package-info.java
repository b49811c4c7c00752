/**
 * The root of gridlearn: the two exceptions every module shares, {@link io.gridlearn.BadInputException} (the
 * user's fault, named precisely enough to fix; exit status 2 on the command line) and
 * {@link io.gridlearn.GridlearnException} (anything else; exit status 1). It depends on nothing else of gridlearn,
 * so every package, in every module, may use it.
 */
package io.gridlearn;
