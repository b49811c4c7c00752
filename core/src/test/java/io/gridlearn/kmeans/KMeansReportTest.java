package io.gridlearn.kmeans;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spread of the centres that standardises the centre profiles when a report has no data. */
class KMeansReportTest {
    @Test
    void centreSpreadIsTheMeanAndPopulationSdOfTheCentresWeightedBySize() {
        double[][] centres = {{0, 0}, {2, 4}};
        double[] mean = new double[2];
        double[] sd = new double[2];
        KMeansReport.centreSpread(centres, null, mean, sd);
        assertEquals(1, mean[0]);
        assertEquals(1, sd[0]);
        assertEquals(2, mean[1]);
        assertEquals(2, sd[1]);
        KMeansReport.centreSpread(centres, new double[] {3, 1}, mean, sd);
        assertEquals(0.5, mean[0]);
        assertEquals(Math.sqrt(0.75), sd[0], 1e-15);
        assertEquals(1, mean[1]);
        assertEquals(Math.sqrt(3), sd[1], 1e-15);
    }
}
