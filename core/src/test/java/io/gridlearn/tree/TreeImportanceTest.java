package io.gridlearn.tree;

import io.gridlearn.BadInputException;
import io.gridlearn.model.ModelDocument;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** XGBoost's get_score definitions (weight, gain, cover, total_gain, total_cover) on trees built by hand. */
class TreeImportanceTest {
    @Test
    void frequencyGainAndCoverPerFeature() {
        Tree a = Tree.root(0, 10);
        int l = a.addNode(0, 6, 1);
        int r = a.addNode(0, 4, 1);
        a.split(0, 0, 1, 0.5, false, 2.0, l, r);
        int ll = a.addNode(0.1, 2, 2);
        int lr = a.addNode(-0.1, 4, 2);
        a.split(l, 1, 0, 1.5, true, 1.0, ll, lr);
        Tree b = Tree.root(0, 10);
        int bl = b.addNode(0.2, 3, 1);
        int br = b.addNode(-0.2, 7, 1);
        b.split(0, 0, 3, 2.5, false, 4.0, bl, br);
        ModelDocument m = GbtModel.document(Objective.SQUARED_ERROR, "y", List.of("x0", "x1", "x2"), List.of(a, b),
                new LinkedHashMap<>());
        Map<String, double[]> imp = TreeImportance.of(io.gridlearn.model.ModelJson.read(
                io.gridlearn.model.ModelJson.write(m), "test"));
        assertArrayEquals(new double[] {2, 1, 0}, imp.get("frequency"));
        assertArrayEquals(new double[] {6, 1, 0}, imp.get("totalGain"));
        assertArrayEquals(new double[] {3, 1, 0}, imp.get("gain"));
        assertArrayEquals(new double[] {20, 6, 0}, imp.get("totalCover"));
        assertArrayEquals(new double[] {10, 6, 0}, imp.get("cover"));
        assertEquals(List.of("frequency", "gain", "cover", "totalGain", "totalCover"), List.copyOf(imp.keySet()));
    }

    /**
     * The model JSON's {@code importance} field (gbt and random forest) is the same numbers as TreeImportance on the
     * model read back, one array per measure lined up with {@code features}.
     */
    @Test
    void theModelJsonCarriesTheImportance() throws Exception {
        Tree a = Tree.root(0, 10);
        int l = a.addNode(0, 6, 1);
        int r = a.addNode(0, 4, 1);
        a.split(0, 1, 1, 0.5, false, 2.5, l, r);
        List<String> names = List.of("x0", "x1");
        for (ModelDocument m : List.of(
                GbtModel.document(Objective.SQUARED_ERROR, "y", names, List.of(a, a), new LinkedHashMap<>()),
                ForestModel.document(ForestObjective.SQUARED_ERROR, "y", names, List.of(a), new LinkedHashMap<>()))) {
            String json = io.gridlearn.model.ModelJson.write(m);
            ModelDocument back = io.gridlearn.model.ModelJson.read(json, "test");
            Map<String, double[]> want = TreeImportance.of(back);
            com.fasterxml.jackson.databind.JsonNode field = io.gridlearn.util.Json.mapper().readTree(json)
                    .path(TreeImportance.FIELD);
            List<String> keys = new java.util.ArrayList<>();
            field.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.copyOf(want.keySet()), keys);
            for (Map.Entry<String, double[]> e : want.entrySet()) {
                double[] got = new double[names.size()];
                for (int j = 0; j < got.length; j++) {
                    got[j] = field.path(e.getKey()).path(j).asDouble(Double.NaN);
                }
                assertArrayEquals(e.getValue(), got, m.algorithm() + " " + e.getKey());
            }
            assertEquals(m.algorithm().equals("gbt") ? 2.0 : 1.0, field.path("frequency").path(1).asDouble());
            assertEquals(0.0, field.path("frequency").path(0).asDouble());
        }
    }

    @Test
    void otherModelsAreRefused() {
        ModelDocument m = ModelDocument.of("kmeans", null, List.of("x"), Map.of(), null, Map.of("k", 1));
        BadInputException e = assertThrows(BadInputException.class, () -> TreeImportance.of(m));
        assertEquals("feature importance (gain, cover, frequency) is for gbt and random-forest models, not kmeans",
                e.getMessage());
    }
}
