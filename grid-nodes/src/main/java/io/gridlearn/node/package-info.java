/**
 * The standalone gridlearn member ({@code java -jar gridlearn-node.jar}): its options and a foreground process
 * that joins the named members and leaves the cluster gracefully on SIGTERM. It uses only core's {@code grid}
 * configuration.
 */
package io.gridlearn.node;
