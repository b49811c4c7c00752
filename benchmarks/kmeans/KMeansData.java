import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The x columns of the commands suite's data (io.gridlearn.bench.ClusteredData, seed 44: the same random stream,
 * so the same x values) and the generating cluster g, as CSV "x0,…,x{d-1},g"; prints the optimum inertia (the
 * generating partition at its centroids). Usage: java KMeansData.java OUT.csv [ROWS] [FEATURES]
 */
public class KMeansData {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int k = 8;
        SplittableRandom random = new SplittableRandom(44L);
        double[] centres = new double[k * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = 10.0 * random.nextGaussian();
        }
        double[] x = new double[rows * d];
        int[] g = new int[rows];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            StringBuilder h = new StringBuilder();
            for (int j = 0; j < d; j++) {
                h.append('x').append(j).append(',');
            }
            out.write(h.append("g\n").toString().getBytes());
            byte[] line = new byte[(d + 2) * 24];
            for (int r = 0; r < rows; r++) {
                int c = random.nextInt(k);
                g[r] = c;
                int pos = 0;
                for (int j = 0; j < d; j++) {
                    long scaled = (long) Math.floor((centres[c * d + j] + random.nextGaussian()) * 1e7 + 0.5);
                    x[r * d + j] = scaled / 1e7;
                    pos = fixed7(scaled, line, pos);
                    line[pos++] = ',';
                }
                random.nextGaussian(); // y's noise in ClusteredData
                random.nextDouble();   // c's draw in ClusteredData
                line[pos++] = (byte) ('0' + c);
                line[pos++] = '\n';
                out.write(line, 0, pos);
            }
        }
        double[] mean = new double[k * d];
        long[] count = new long[k];
        for (int r = 0; r < rows; r++) {
            count[g[r]]++;
            for (int j = 0; j < d; j++) {
                mean[g[r] * d + j] += x[r * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mean[c * d + j] /= Math.max(1, count[c]);
            }
        }
        double inertia = 0;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                double t = x[r * d + j] - mean[g[r] * d + j];
                inertia += t * t;
            }
        }
        System.out.println(inertia);
    }

    static int fixed7(long scaled, byte[] b, int pos) {
        if (scaled < 0) {
            b[pos++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / 10_000_000L;
        long frac = scaled % 10_000_000L;
        String w = Long.toString(whole);
        for (int i = 0; i < w.length(); i++) {
            b[pos++] = (byte) w.charAt(i);
        }
        b[pos++] = '.';
        for (int i = 6; i >= 0; i--) {
            b[pos + i] = (byte) ('0' + frac % 10);
            frac /= 10;
        }
        return pos + 7;
    }
}
