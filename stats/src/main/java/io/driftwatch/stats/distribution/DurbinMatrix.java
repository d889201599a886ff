package io.driftwatch.stats.distribution;

/**
 * Exact CDF of the two-sided one-sample Kolmogorov-Smirnov statistic, {@code P(D_n <= d)}, by Durbin's matrix
 * method as made practical by Marsaglia, Tsang and Wang: write {@code d = (k - h)/n}, build the
 * {@code (2k-1) x (2k-1)} matrix H and take the k-th diagonal entry of {@code (n!/n^n) H^n}, squaring with a
 * separately tracked binary exponent so that nothing overflows. It is SciPy's {@code _kolmogn_DMTW}
 * ({@code scipy/stats/_ksstats.py}), the branch chosen for small {@code n d^2} where the CDF is small.
 *
 * <p>References: Durbin (1968), Ann. Math. Statist. 39, 398-411; Marsaglia, Tsang, Wang (2003), "Evaluating
 * Kolmogorov's distribution", J. Stat. Softw. 8(18). Cost O(k^3 log n); the caller keeps k below about 60.
 */
final class DurbinMatrix {
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXPONENT);

    private DurbinMatrix() {
    }

    /** {@code P(D_n <= d)}, clipped to [0, 1]. */
    static double cdf(int n, double d) {
        if (d >= 1.0) {
            return 1;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int size = 2 * k - 1;
        double[][] matrix = initialMatrix(h, size);
        double[][] power = identity(size);
        int exponent = 0;
        int matrixExponent = 0;
        for (int remaining = n; remaining > 0; remaining /= 2) {
            if (remaining % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > SCALE_UP) {
                scale(matrix, SCALE_DOWN);
                matrixExponent += SCALE_EXPONENT;
            }
        }
        double p = power[k - 1][k - 1];
        for (int i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        return Math.max(0, Math.min(1, Math.scalb(p, exponent)));
    }

    private static double[][] initialMatrix(double h, int size) {
        double[] firstColumn = new double[size];
        double[] inverseFactorials = new double[size];
        double factorial = 1.0;
        for (int j = 1; j <= size; j++) {
            inverseFactorials[j - 1] = factorial;
            factorial /= j;
            firstColumn[j - 1] = (1.0 - Math.pow(h, j)) * factorial;
        }
        double corner = Math.pow(Math.max(2 * h - 1.0, 0), size) - 2 * Math.pow(h, size);
        firstColumn[size - 1] = (1.0 + corner) * factorial;
        double[][] matrix = new double[size][size];
        for (int column = 1; column < size; column++) {
            for (int row = column - 1; row < size; row++) {
                matrix[row][column] = inverseFactorials[row - column + 1];
            }
        }
        for (int row = 0; row < size; row++) {
            matrix[row][0] = firstColumn[row];
        }
        for (int column = 0; column < size; column++) {
            matrix[size - 1][column] = firstColumn[size - 1 - column];
        }
        return matrix;
    }

    private static double[][] identity(int size) {
        double[][] identity = new double[size][size];
        for (int i = 0; i < size; i++) {
            identity[i][i] = 1;
        }
        return identity;
    }

    private static double[][] multiply(double[][] left, double[][] right) {
        int size = left.length;
        double[][] product = new double[size][size];
        for (int i = 0; i < size; i++) {
            double[] productRow = product[i];
            for (int m = 0; m < size; m++) {
                double factor = left[i][m];
                double[] rightRow = right[m];
                for (int j = 0; j < size; j++) {
                    productRow[j] += factor * rightRow[j];
                }
            }
        }
        return product;
    }

    private static void scale(double[][] matrix, double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }
}
