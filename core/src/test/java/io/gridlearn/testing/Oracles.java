package io.gridlearn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The reference results copied into test resources (see datasets/README.md). */
public final class Oracles {
    private static JsonNode root;

    private Oracles() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = Oracles.class.getResourceAsStream("/datasets/oracles-public.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static JsonNode dataset(String name) {
        return root().path("datasets").path(name);
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Path of a test resource file (copied out to a temporary file when it sits inside a jar). */
    public static synchronized Path resource(String name) {
        try {
            java.net.URL url = Oracles.class.getResource("/datasets/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource datasets/" + name);
            }
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path dir = java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "gridlearn-test-data-" + ProcessHandle.current().pid()));
            Path out = dir.resolve(name.replace('/', '_'));
            if (!java.nio.file.Files.exists(out)) {
                try (InputStream in = url.openStream()) {
                    java.nio.file.Files.copy(in, out);
                }
                out.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
            }
            return out;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** |a − b| / |b| (or |a| when b is 0). */
    public static double relErr(double a, double b) {
        return b == 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
    }
}
