package io.gridlearn.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridlearn.BadInputException;
import io.gridlearn.util.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical JSON, digest and HMAC of model files ({@link ModelDigest}). */
class ModelDigestTest {
    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    /**
     * Numbers: the expected texts are RFC 8785 (JSON Canonicalization Scheme), Appendix B, "Number
     * Serialization Samples" (IEEE 754 bit patterns and their ECMAScript serialization).
     */
    @Test
    void numbersAreShortestRoundTripInEcmaScriptLayout() {
        String[][] rfc8785 = {
                {"0000000000000000", "0"}, {"8000000000000000", "0"}, {"0000000000000001", "5e-324"},
                {"8000000000000001", "-5e-324"}, {"7fefffffffffffff", "1.7976931348623157e+308"},
                {"ffefffffffffffff", "-1.7976931348623157e+308"}, {"4340000000000000", "9007199254740992"},
                {"c340000000000000", "-9007199254740992"}, {"4430000000000000", "295147905179352830000"},
                {"44b52d02c7e14af5", "9.999999999999997e+22"}, {"44b52d02c7e14af6", "1e+23"},
                {"44b52d02c7e14af7", "1.0000000000000001e+23"}, {"444b1ae4d6e2ef4e", "999999999999999700000"},
                {"444b1ae4d6e2ef4f", "999999999999999900000"}, {"444b1ae4d6e2ef50", "1e+21"},
                {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"}, {"3eb0c6f7a0b5ed8d", "0.000001"},
                {"41b3de4355555553", "333333333.3333332"}, {"41b3de4355555554", "333333333.33333325"},
                {"41b3de4355555555", "333333333.3333333"}, {"41b3de4355555556", "333333333.3333334"},
                {"41b3de4355555557", "333333333.33333343"}, {"becbf647612f3696", "-0.0000033333333333333333"},
                {"43143ff3c1cb0959", "1424953923781206.2"}};
        for (String[] c : rfc8785) {
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(c[0], 16));
            assertEquals(c[1], ModelDigest.number(x), c[0]);
        }
        // where Java 17's Double.toString is not the shortest: "4.9E-324" reads back as the same double as "5e-324"
        assertEquals("4.9E-324", Double.toString(Double.MIN_VALUE));
        assertEquals("5e-324", ModelDigest.number(Double.MIN_VALUE));
        // every output reads back to its double
        java.util.Random r = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            double x = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(x)) {
                assertEquals(x == 0 ? 0.0 : x, Double.parseDouble(ModelDigest.number(x)), ModelDigest.number(x));
                // never more significant digits than Java's own round-trip text
                assertTrue(digits(ModelDigest.number(x)) <= digits(Double.toString(x)), ModelDigest.number(x));
            }
        }
    }

    /** Significant digits of a number's text. */
    private static int digits(String text) {
        String mantissa = text.split("[eE]")[0].replace("-", "").replace(".", "").replaceAll("^0+", "");
        return mantissa.replaceAll("0+$", "").length();
    }

    @Test
    void theCanonicalFormSortsKeysDropsWhitespaceAndTheIntegrityFields() throws Exception {
        JsonNode t = tree("""
                { "b" : 1, "a" : [ 2.50, "x\\n\\u0001é\\"" , true, null, 1e2 ], "seed": 1234567890123456789,
                  "Z": {"y": -0.0, "x": 0.1}, "digest": "abc", "hmac": "def" }""");
        assertEquals("{\"Z\":{\"x\":0.1,\"y\":0},\"a\":[2.5,\"x\\n\\u0001é\\\"\",true,null,100],\"b\":1,"
                + "\"seed\":1234567890123456789}", ModelDigest.canonical(t));
        // the same values written differently have the same canonical form
        assertEquals(ModelDigest.canonical(t), ModelDigest.canonical(tree(
                "{\"seed\":1234567890123456789,\"b\":1.0e0,\"Z\":{\"x\":1e-1,\"y\":0},\"a\":[25e-1,\"x\\n\\u0001\\u00e9\\\"\",true,null,100]}")));
    }

    @Test
    void aSignedModelVerifiesAndAnyChangeIsRefused() throws Exception {
        String json = "{\n  \"format\" : \"gridlearn-model/1\",\n  \"coefficients\" : [ 0.1, 2.0 ]\n}";
        String signed = ModelDigest.sign(json, null);
        assertTrue(signed.startsWith(json.substring(0, json.lastIndexOf('\n'))), "the model's text is unchanged");
        JsonNode t = tree(signed);
        assertEquals(ModelDigest.sha256("{\"coefficients\":[0.1,2],\"format\":\"gridlearn-model/1\"}"),
                t.get("digest").asText());
        // SHA-256 itself, against FIPS 180-2's example "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModelDigest.sha256("abc"));
        assertNull(ModelDigest.verify(t, null, "m.json"));

        BadInputException e = assertThrows(BadInputException.class,
                () -> ModelDigest.verify(tree(signed.replace("0.1", "0.2")), null, "m.json"));
        assertEquals("m.json: the model's digest does not match its content: the file was corrupted or edited after "
                + "gridlearn wrote it; export or write the model again", e.getMessage());

        assertEquals("m.json has no digest (written before gridlearn signed model files?): read without an integrity"
                + " check; export or write it again to add one", ModelDigest.verify(tree(json), null, "m.json"));
    }

    @Test
    void theHmacNeedsTheKey() throws Exception {
        byte[] key = "k3y".getBytes(StandardCharsets.UTF_8);
        String json = "{\n  \"format\" : \"gridlearn-model/1\",\n  \"intercept\" : 1.5\n}";
        JsonNode t = tree(ModelDigest.sign(json, key));
        // RFC 4231 test case 2: HMAC-SHA256 with key "Jefe" of "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                ModelDigest.hmac("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"));
        assertEquals(ModelDigest.hmac(key, ModelDigest.canonical(t)), t.get("hmac").asText());
        assertNull(ModelDigest.verify(t, key, "m.json"));
        assertNull(ModelDigest.verify(t, null, "m.json"), "without a key the digest is checked");
        assertEquals("m.json: the model's hmac does not match: it was signed with another key, or changed after it "
                + "was signed", assertThrows(BadInputException.class,
                () -> ModelDigest.verify(t, "other".getBytes(StandardCharsets.UTF_8), "m.json")).getMessage());
        JsonNode unsigned = tree(ModelDigest.sign(json, null));
        assertEquals("m.json: the model has no hmac, but a model key is set (GRIDLEARN_MODEL_KEY or --model-key-file):"
                + " refusing an unsigned model; write it with the key", assertThrows(BadInputException.class,
                () -> ModelDigest.verify(unsigned, key, "m.json")).getMessage());
        // re-signed by someone without the key: digest fine, hmac not
        String forged = ModelDigest.sign(json.replace("1.5", "9.5"), "guess".getBytes(StandardCharsets.UTF_8));
        assertThrows(BadInputException.class, () -> ModelDigest.verify(tree(forged), key, "m.json"));
        assertNotEquals(t.get("digest").asText(), tree(forged).get("digest").asText());
    }
}
