package io.gridlearn.cli;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import io.gridlearn.model.ModelJson;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code --model-key-file F}, or the environment variable {@code GRIDLEARN_MODEL_KEY}: the key of the HMAC that
 * model files carry (docs/cli.md, "Model files: digest and HMAC"). The file's bytes are the key, less one
 * trailing line break; the variable's value is the key as UTF-8. The file wins when both are given.
 */
public final class ModelKey {
    /** The environment variable holding the key. */
    public static final String ENV = "GRIDLEARN_MODEL_KEY";

    @Option(names = "--model-key-file", paramLabel = "F", description = "Sign model files written and check model "
            + "files read with the HMAC-SHA256 key in this file (else the environment variable GRIDLEARN_MODEL_KEY; "
            + "without either, model files carry a SHA-256 digest only).")
    Path file;

    /**
     * The key, or null when none is given.
     *
     * @return the key bytes
     */
    public byte[] key() {
        return key(System.getenv(ENV));
    }

    byte[] key(String env) {
        if (file != null) {
            byte[] b;
            try {
                b = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new BadInputException("--model-key-file " + file + ": cannot read: " + e.getMessage());
            }
            int n = b.length;
            if (n > 0 && b[n - 1] == '\n') {
                n--;
                if (n > 0 && b[n - 1] == '\r') {
                    n--;
                }
            }
            if (n == 0) {
                throw new BadInputException("--model-key-file " + file + ": the key file is empty");
            }
            return Arrays.copyOf(b, n);
        }
        if (env != null) {
            if (env.isEmpty()) {
                throw new BadInputException(ENV + " is set but empty; unset it or give a key");
            }
            return env.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /**
     * Reads a model file and checks its digest and hmac; a file without a digest is read with a one-line warning.
     *
     * @param model the file
     * @param err   where the warning goes
     * @return the model
     */
    public ModelDocument read(Path model, PrintStream err) {
        return read(model, line -> err.println(line));
    }

    /**
     * {@link #read(Path, PrintStream)} with the warning line handed to {@code lines}.
     *
     * @param model the file
     * @param lines receives the warning line, {@code gridlearn: warning: …}
     * @return the model
     */
    public ModelDocument read(Path model, java.util.function.Consumer<String> lines) {
        return ModelJson.read(model, key(), warning -> lines.accept("gridlearn: warning: " + warning));
    }
}
