/**
 * The {@code gridlearn} command line (picocli): one command class per subcommand, the global options and the grid
 * session they run against (embedded members or a thin client), the fit orchestration of the iterative learners
 * (progress, Ctrl-C checkpoints, {@code --resume}), live updates after data changes, and the output contract
 * (exactly one JSON document with {@code --json}, exit status 0, 1 or 2). A client of the library: it may use
 * every package of core, the node and example modules and the client's {@code report} and {@code bench}; nothing
 * in core uses it.
 */
package io.gridlearn.cli;
