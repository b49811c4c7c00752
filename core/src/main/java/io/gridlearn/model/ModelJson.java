package io.gridlearn.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.GridlearnException;
import io.gridlearn.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading and writing model JSON, with the checks a user-supplied file needs. */
public final class ModelJson {
    /** The JSON fields {@link ModelDocument} declares; any other top-level field is a learner's own. */
    private static final Set<String> FIELDS = Arrays.stream(ModelDocument.class.getRecordComponents())
            .map(RecordComponent::getName).filter(n -> !n.equals("extensions")).collect(Collectors.toUnmodifiableSet());

    private ModelJson() {
    }

    /**
     * The model JSON of a document.
     *
     * @param model the document
     * @return the JSON, one line
     */
    public static String write(ModelDocument model) {
        try {
            return Json.mapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new GridlearnException("cannot write model JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the model JSON to a file, atomically: a temporary file is written next to it and renamed over it.
     *
     * @param model the document
     * @param file  the file
     */
    public static void write(ModelDocument model, Path file) {
        write(model, file, null);
    }

    /**
     * Writes the model JSON to a file, atomically, with its {@code digest} and, when {@code key} is given, its
     * {@code hmac} appended ({@link ModelDigest}); the text before them is {@link #write(ModelDocument)}'s.
     *
     * @param model the document
     * @param file  the file
     * @param key   the HMAC key, or null for a digest only
     */
    public static void write(ModelDocument model, Path file, byte[] key) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, ModelDigest.sign(write(model), key) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GridlearnException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a model document; {@code origin} names the source in error messages.
     *
     * @param json   the model JSON
     * @param origin the source's name in messages
     * @return the checked document
     */
    public static ModelDocument read(String json, String origin) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException(origin + ": not a valid model JSON (truncated or corrupt?): "
                    + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(origin + ": a model JSON must be an object");
        }
        JsonNode format = tree.get("format");
        if (format == null || !format.isTextual() || !format.asText().startsWith("gridlearn-model/")) {
            throw new BadInputException(origin + ": missing or unknown \"format\"; expected \"" + ModelDocument.FORMAT + "\"");
        }
        String version = format.asText().substring("gridlearn-model/".length());
        int major;
        try {
            major = Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            throw new BadInputException(origin + ": unreadable format version \"" + format.asText() + "\"");
        }
        if (major > ModelDocument.FORMAT_MAJOR) {
            throw new BadInputException(origin + ": model format " + format.asText() + " is newer than this gridlearn "
                    + "reads (" + ModelDocument.FORMAT + "); upgrade gridlearn");
        }
        ModelDocument model;
        try {
            // fields this document type does not declare are a learner's own (ModelDocument.extensions)
            com.fasterxml.jackson.databind.node.ObjectNode known = ((com.fasterxml.jackson.databind.node.ObjectNode) tree).deepCopy();
            Map<String, Object> extensions = new LinkedHashMap<>();
            for (java.util.Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (field.equals(ModelDigest.DIGEST) || field.equals(ModelDigest.HMAC)) {
                    known.remove(field); // a file's integrity fields, checked by read(Path, …), not the model's
                } else if (!FIELDS.contains(field)) {
                    extensions.put(field, Json.mapper().treeToValue(tree.get(field), Object.class));
                    known.remove(field);
                }
            }
            model = Json.mapper().treeToValue(known, ModelDocument.class);
            if (!extensions.isEmpty()) {
                model = model.withExtensions(extensions);
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(origin + ": malformed model: " + e.getOriginalMessage());
        }
        ModelValidation.check(model, origin);
        return model;
    }

    /**
     * Reads and checks a model JSON file.
     *
     * @param file the file, at most {@code Json.MAX_DOCUMENT_BYTES}
     * @return the checked document
     */
    public static ModelDocument read(Path file) {
        return read(file, null, warning -> { });
    }

    /**
     * Reads and checks a model JSON file, and its integrity fields ({@link ModelDigest#verify}).
     *
     * @param file     the file, at most {@code Json.MAX_DOCUMENT_BYTES}
     * @param key      the HMAC key the user gave, or null
     * @param warnings receives the one-line warning about a file without a digest
     * @return the checked document
     * @throws BadInputException for a file that is not a model, or whose digest or hmac does not match
     */
    public static ModelDocument read(Path file, byte[] key, java.util.function.Consumer<String> warnings) {
        try {
            if (Files.size(file) > Json.MAX_DOCUMENT_BYTES) {
                throw new BadInputException(file + ": model file larger than " + (Json.MAX_DOCUMENT_BYTES >> 20) + " MiB");
            }
            String text = Files.readString(file);
            ModelDocument model = read(text, file.toString());
            String warning = ModelDigest.verify(Json.mapper().readTree(text), key, file.toString());
            if (warning != null) {
                warnings.accept(warning);
            }
            return model;
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such model file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }
}
