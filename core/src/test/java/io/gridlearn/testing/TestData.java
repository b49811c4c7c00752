package io.gridlearn.testing;

import io.gridlearn.data.CsvLoader;
import io.gridlearn.data.DatasetCatalog;
import io.gridlearn.data.DatasetSchema;
import io.gridlearn.data.csv.CsvOptions;

/** Loads the bundled datasets through the production CSV loader. */
public final class TestData {
    private TestData() {
    }

    public static DatasetSchema load(DatasetCatalog catalog, String file, String name, int blockSize) {
        return CsvLoader.load(catalog, Oracles.resource(file), name, CsvOptions.defaults().withBlockSize(blockSize), null);
    }
}
