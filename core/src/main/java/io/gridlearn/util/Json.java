package io.gridlearn.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper gridlearn uses. Limits guard against hostile documents (a model file is user
 * input): no polymorphic typing is ever enabled, documents are at most 64 MiB, nesting at most 64 deep,
 * numbers at most 1000 characters.
 */
public final class Json {
    /** The largest document read, in bytes: 64 MiB. */
    public static final long MAX_DOCUMENT_BYTES = 64L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNestingDepth(64)
                            .maxNumberLength(1000)
                            .maxStringLength(1 << 20)
                            .build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /**
     * The shared mapper: thread-safe, never reconfigured.
     *
     * @return the mapper with the limits above
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
