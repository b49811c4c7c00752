package io.gridlearn.benchmarks;

import java.util.Arrays;

/**
 * The jar's entry point: {@code java -jar gridlearn-benchmarks.jar [JMH options]} runs the JMH suite,
 * {@code java -jar gridlearn-benchmarks.jar end-to-end [options]} runs {@link EndToEnd}. Going through
 * {@code -jar} matters for the end-to-end harness: the manifest's {@code Add-Opens} give the embedded
 * Hazelcast members the JDK internals they ask for, as a grid-node jar does.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("end-to-end")) {
            EndToEnd.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            org.openjdk.jmh.Main.main(args);
        }
    }
}
