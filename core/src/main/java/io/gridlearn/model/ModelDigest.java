package io.gridlearn.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The integrity fields of a model file: {@code digest}, the SHA-256 of the model's canonical JSON, and, when the
 * user gives a key, {@code hmac}, the HMAC-SHA256 of the same bytes under that key (both lowercase hex).
 *
 * <p>The canonical JSON of a model is its JSON document without the top-level {@code digest} and {@code hmac}
 * fields, written as follows (the rules of RFC 8785, the JSON Canonicalization Scheme, except for integers):
 * <ul>
 *   <li>no whitespace outside strings; UTF-8;</li>
 *   <li>object members sorted by key, comparing the keys' UTF-16 code units ({@link String#compareTo});</li>
 *   <li>strings: {@code "} and {@code \} escaped with a backslash, U+0008, U+0009, U+000A, U+000C, U+000D as
 *       {@code \b \t \n \f \r}, other characters below U+0020 as {@code \}{@code u00xx} (lowercase hex), every
 *       other character as itself;</li>
 *   <li>a number written without fraction or exponent (an integer token): its exact decimal integer, no
 *       leading zeros or plus sign, {@code -0} as {@code 0} (RFC 8785 would round integers beyond 2<sup>53</sup>
 *       to a double; a seed or a row count must not change);</li>
 *   <li>any other number: the double it denotes, written with the fewest significant digits that read back to
 *       the same double (the shortest round-trip digits; ties go to the digits nearest the double) in ECMAScript's
 *       {@code Number.prototype.toString} layout: plain digits for 10<sup>-6</sup> &le; |x| &lt; 10<sup>21</sup>,
 *       otherwise {@code d.ddde+n} / {@code d.ddde-n}; {@code -0.0} as {@code 0}. Java 17's
 *       {@code Double.toString} is not always shortest (JDK-4511638, fixed in 19), so the digits are searched
 *       here: the shortest precision p at which the value rounded up or down to p digits reads back unchanged;</li>
 *   <li>{@code true}, {@code false}, {@code null} as themselves.</li>
 * </ul>
 * The digest therefore depends on the model's values only, not on how a writer spaced, ordered or spelled its
 * numbers ({@code 2.50} and {@code 2.5} are the same model).
 */
public final class ModelDigest {
    /** The field holding the SHA-256 of the canonical JSON. */
    public static final String DIGEST = "digest";
    /** The field holding the HMAC-SHA256 of the canonical JSON. */
    public static final String HMAC = "hmac";

    private ModelDigest() {
    }

    /**
     * The canonical JSON of a model document (see the class comment).
     *
     * @param model the parsed model JSON
     * @return the canonical text, without {@code digest} and {@code hmac}
     */
    public static String canonical(JsonNode model) {
        StringBuilder sb = new StringBuilder();
        write(model, sb, true);
        return sb.toString();
    }

    /**
     * The SHA-256 of the canonical JSON, lowercase hex.
     *
     * @param canonical the canonical JSON
     * @return 64 hex digits
     */
    public static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * The HMAC-SHA256 of the canonical JSON under {@code key}, lowercase hex.
     *
     * @param key       the key bytes, not empty
     * @param canonical the canonical JSON
     * @return 64 hex digits
     */
    public static String hmac(byte[] key, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    /**
     * The model JSON as gridlearn writes it, with {@code digest} (and {@code hmac} when a key is given) appended
     * as its last fields; the text before them is {@code modelJson} unchanged, byte for byte.
     *
     * @param modelJson a model JSON object as {@link ModelJson#write(ModelDocument)} writes it (no digest)
     * @param key       the HMAC key, or null for none
     * @return the signed JSON
     */
    public static String sign(String modelJson, byte[] key) {
        JsonNode tree;
        try {
            tree = io.gridlearn.util.Json.mapper().readTree(modelJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree.has(DIGEST) || tree.has(HMAC)) {
            throw new IllegalArgumentException("the model JSON already has a digest or hmac");
        }
        String canonical = canonical(tree);
        int end = modelJson.lastIndexOf('}');
        String body = modelJson.substring(0, end).stripTrailing();
        StringBuilder sb = new StringBuilder(body);
        sb.append(",\n  \"").append(DIGEST).append("\" : \"").append(sha256(canonical)).append('"');
        if (key != null) {
            sb.append(",\n  \"").append(HMAC).append("\" : \"").append(hmac(key, canonical)).append('"');
        }
        return sb.append("\n}").append(modelJson.substring(end + 1)).toString();
    }

    /**
     * Checks a model read from a file: its digest against its content, and its hmac under {@code key}.
     *
     * @param model  the parsed file
     * @param key    the HMAC key the user gave, or null
     * @param origin the file's name in messages
     * @return a one-line warning when the file has no digest (and no key asks for an hmac), else null
     * @throws BadInputException when a digest or hmac does not match, or a key is given and the file has no hmac
     */
    public static String verify(JsonNode model, byte[] key, String origin) {
        JsonNode digest = model.get(DIGEST);
        JsonNode hmac = model.get(HMAC);
        if (digest == null && hmac == null && key == null) {
            return origin + " has no digest (written before gridlearn signed model files?): read without an "
                    + "integrity check; export or write it again to add one";
        }
        String canonical = canonical(model);
        if (digest != null && !(digest.isTextual() && digest.asText().equals(sha256(canonical)))) {
            throw new BadInputException(origin + ": the model's digest does not match its content: the file was "
                    + "corrupted or edited after gridlearn wrote it; export or write the model again");
        }
        if (key != null) {
            if (hmac == null) {
                throw new BadInputException(origin + ": the model has no hmac, but a model key is set "
                        + "(GRIDLEARN_MODEL_KEY or --model-key-file): refusing an unsigned model; write it with the key");
            }
            if (!(hmac.isTextual() && MessageDigest.isEqual(hmac.asText().getBytes(StandardCharsets.US_ASCII),
                    hmac(key, canonical).getBytes(StandardCharsets.US_ASCII)))) {
                throw new BadInputException(origin + ": the model's hmac does not match: it was signed with another "
                        + "key, or changed after it was signed");
            }
        }
        if (digest == null) {
            return origin + " has no digest: its content is checked by its hmac only";
        }
        return null;
    }

    private static void write(JsonNode n, StringBuilder sb, boolean top) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!(top && (k.equals(DIGEST) || k.equals(HMAC)))) {
                    keys.add(k);
                }
            }
            keys.sort(String::compareTo);
            sb.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(keys.get(i), sb);
                sb.append(':');
                write(n.get(keys.get(i)), sb, false);
            }
            sb.append('}');
        } else if (n.isArray()) {
            sb.append('[');
            for (int i = 0; i < n.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(n.get(i), sb, false);
            }
            sb.append(']');
        } else if (n.isTextual()) {
            string(n.asText(), sb);
        } else if (n.isIntegralNumber()) {
            sb.append(n.bigIntegerValue().toString());
        } else if (n.isNumber()) {
            sb.append(number(n.doubleValue()));
        } else if (n.isBoolean()) {
            sb.append(n.booleanValue());
        } else if (n.isNull()) {
            sb.append("null");
        } else {
            throw new IllegalArgumentException("no canonical form for a " + n.getNodeType());
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * A double in the canonical form: shortest round-trip digits in ECMAScript's layout.
     *
     * @param x a finite double
     * @return its canonical text
     */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new BadInputException("a model number is not finite: " + x);
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal shortest = null;
        for (int p = 1; p <= 17 && shortest == null; p++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(new MathContext(p, mode));
                if (c.doubleValue() == x && (best == null
                        || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = c;
                }
            }
            shortest = best;
        }
        if (shortest == null) {
            throw new IllegalStateException("no round-trip digits for " + x); // 17 digits always round-trip
        }
        BigDecimal d = shortest.stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - d.scale(); // x = 0.digits × 10^n
        StringBuilder sb = new StringBuilder(x < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            sb.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            sb.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return sb.toString();
    }
}
