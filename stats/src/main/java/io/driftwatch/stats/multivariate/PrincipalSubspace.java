package io.driftwatch.stats.multivariate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * The principal components scikit-learn's {@code PCA(n_components=share)} keeps: the fewest leading components whose
 * cumulative explained-variance ratio exceeds {@code share} ({@code np.searchsorted(cumsum, share, side="right") + 1}).
 * Found from the eigenvectors of the d × d sample covariance (commons-math3), which span the same subspace as
 * scikit-learn's SVD; a reconstruction depends only on that subspace, so the components' signs do not matter.
 * Immutable: arrays are copied in and out.
 */
public final class PrincipalSubspace {
    private final double[] mean;
    private final double[][] components;
    private final double[] explainedVarianceRatios;

    private PrincipalSubspace(double[] mean, double[][] components, double[] explainedVarianceRatios) {
        this.mean = mean.clone();
        this.components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        this.explainedVarianceRatios = explainedVarianceRatios.clone();
    }

    /**
     * Restores a stored subspace.
     *
     * @param mean                    the mean PCA subtracts, one entry per column
     * @param components              the kept components, k rows of one entry per column, orthonormal (not checked)
     * @param explainedVarianceRatios every component's share of the total variance, in decreasing order
     */
    public static PrincipalSubspace of(double[] mean, double[][] components, double[] explainedVarianceRatios) {
        requireNonNull(mean, "mean");
        requireNonNull(components, "components");
        requireNonNull(explainedVarianceRatios, "explainedVarianceRatios");
        if (explainedVarianceRatios.length != mean.length) {
            throw new IllegalArgumentException("a subspace of " + mean.length + " columns has as many explained-variance"
                    + " ratios, got " + explainedVarianceRatios.length);
        }
        if (components.length == 0 || components.length > mean.length) {
            throw new IllegalArgumentException("a subspace keeps between 1 and " + mean.length + " components, got "
                    + components.length);
        }
        for (double[] component : components) {
            if (component.length != mean.length) {
                throw new IllegalArgumentException("a component has " + component.length + " entries but the mean has "
                        + mean.length + "; both need one per column");
            }
        }
        return new PrincipalSubspace(mean, components, explainedVarianceRatios);
    }

    /**
     * Fits PCA on {@code rows} and keeps the components that explain more than {@code varianceShare} of the variance.
     *
     * @throws IllegalArgumentException with fewer than two rows, or when no column varies
     */
    public static PrincipalSubspace fit(double[][] rows, double varianceShare) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("PCA needs at least two reference rows to measure variance, got " + rows.length);
        }
        int columns = rows[0].length;
        double[] mean = new double[columns];
        for (double[] row : rows) {
            for (int j = 0; j < columns; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= rows.length;
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance(rows, mean), false));
        Integer[] order = IntStream.range(0, columns).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.getRealEigenvalue(i)).reversed());
        double[] variances = Arrays.stream(order).mapToDouble(i -> Math.max(0, eigen.getRealEigenvalue(i))).toArray();
        double totalVariance = Arrays.stream(variances).sum();
        if (!(totalVariance > 0)) {
            throw new IllegalArgumentException("no column varies in the reference, so there is no variance for PCA to explain");
        }
        double[] ratios = Arrays.stream(variances).map(variance -> variance / totalVariance).toArray();
        int kept = componentsFor(ratios, varianceShare);
        double[][] components = new double[kept][];
        for (int c = 0; c < kept; c++) {
            components[c] = eigen.getEigenvector(order[c]).toArray();
        }
        return new PrincipalSubspace(mean, components, ratios);
    }

    private static double[][] covariance(double[][] rows, double[] mean) {
        int columns = mean.length;
        double[][] covariance = new double[columns][columns];
        for (double[] row : rows) {
            for (int a = 0; a < columns; a++) {
                for (int b = 0; b <= a; b++) {
                    covariance[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < columns; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a][b] /= rows.length - 1;
                covariance[b][a] = covariance[a][b];
            }
        }
        return covariance;
    }

    private static int componentsFor(double[] ratios, double varianceShare) {
        double cumulative = 0;
        int atMostShare = 0;
        for (double ratio : ratios) {
            cumulative += ratio;
            if (cumulative <= varianceShare) {
                atMostShare++;
            }
        }
        return Math.min(ratios.length, atMostShare + 1);
    }

    /** The Euclidean distance between {@code row} and its reconstruction {@code mean + (row − mean)·Wᵀ·W}. */
    public double residualNorm(double[] row) {
        double[] residual = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            residual[j] = row[j] - mean[j];
        }
        double[] centred = residual.clone();
        for (double[] component : components) {
            double score = 0;
            for (int j = 0; j < mean.length; j++) {
                score += centred[j] * component[j];
            }
            for (int j = 0; j < mean.length; j++) {
                residual[j] -= score * component[j];
            }
        }
        double squares = 0;
        for (double value : residual) {
            squares += value * value;
        }
        return Math.sqrt(squares);
    }

    /** The mean PCA subtracts, one entry per column. */
    public double[] mean() {
        return mean.clone();
    }

    /** The kept components, k rows of one entry per column. */
    public double[][] components() {
        return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * Every component's share of the total variance, kept or not, in decreasing order; scikit-learn's
     * {@code explained_variance_ratio_} holds the first k of them.
     */
    public double[] explainedVarianceRatios() {
        return explainedVarianceRatios.clone();
    }

    /** The number k of kept components. */
    public int componentCount() {
        return components.length;
    }
}
