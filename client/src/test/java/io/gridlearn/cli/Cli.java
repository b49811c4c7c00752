package io.gridlearn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line in this JVM, as a user scripts it, through its entry point {@link Main#run}: the
 * exit status and everything written to standard output and standard error.
 */
public final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** One run of the command line: its exit status, standard output and standard error. */
    public record Run(int exit, String out, String err) {
        /** Standard output read as one JSON document, or an assertion error that shows both streams. */
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + out + "\nstderr: " + err, e);
            }
        }
    }

    /** Runs {@code gridlearn args…}. */
    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code gridlearn --cluster address --cluster-name clusterName args…}: the command as a thin client
     * of the given members ({@code address} as {@code --cluster} takes it, one or more {@code host:port}
     * separated by commas).
     */
    public static Run client(String address, String clusterName, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--cluster";
        all[1] = address;
        all[2] = "--cluster-name";
        all[3] = clusterName;
        System.arraycopy(args, 0, all, 4, args.length);
        return run(all);
    }
}
