package io.gridlearn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * scikit-learn in a Python process that stays up for the whole run ({@code sklearn_peer.py}, shipped in the
 * jar): it reads the benchmark's CSV once, then fits on request, so each of its fits can be timed in the same
 * rounds as gridlearn's command for the same job. Its times are of the fit alone, in the Python process.
 */
final class SklearnPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final BufferedReader answers;
    private final Writer requests;
    private final Path errorFile;
    /** The peer's first answer: its load time, the data's shape and the library versions. */
    final JsonNode loaded;

    /**
     * Starts the peer and waits until it has read the CSV.
     *
     * @param python the Python interpreter (Debian's {@code /usr/bin/python3} has scikit-learn)
     * @param csv    the benchmark's CSV
     * @param dir    a directory for the script and the peer's standard error
     * @throws IOException when Python cannot start or cannot read the data
     */
    SklearnPeer(String python, Path csv, Path dir) throws IOException {
        Path script = dir.resolve("sklearn_peer.py");
        try (InputStream in = SklearnPeer.class.getResourceAsStream("sklearn_peer.py")) {
            if (in == null) {
                throw new IOException("sklearn_peer.py is missing from the jar");
            }
            Files.copy(in, script);
        }
        errorFile = dir.resolve("sklearn.err");
        process = new ProcessBuilder(python, script.toString(), csv.toString())
                .redirectError(errorFile.toFile()).start();
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        loaded = answer("load");
    }

    /**
     * Runs one job in the peer.
     *
     * @param request e.g. {@code linear}, {@code logistic 0.0001}, {@code kmeans 8 1}
     * @return the peer's answer: {@code seconds} and the job's results
     * @throws IOException when the peer fails
     */
    JsonNode fit(String request) throws IOException {
        requests.write(request + "\n");
        requests.flush();
        return answer(request);
    }

    private JsonNode answer(String request) throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("scikit-learn (" + request + ") ended: " + errors());
        }
        JsonNode node = JSON.readTree(line);
        if (node.has("error")) {
            throw new IOException("scikit-learn (" + request + "): " + node.get("error").asText());
        }
        return node;
    }

    /** The last lines the peer wrote to its standard error (Python's traceback). */
    private String errors() {
        try {
            String text = Files.readString(errorFile, StandardCharsets.UTF_8).strip();
            return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(its standard error is unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        requests.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
