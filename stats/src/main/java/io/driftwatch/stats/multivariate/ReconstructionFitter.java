package io.driftwatch.stats.multivariate;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Fits NannyML's data-reconstruction pipeline on reference rows: impute, count-encode the categorical columns, scale
 * every column to zero mean and unit variance, and keep the principal components that explain more than 65% of the
 * variance ({@code n_components=0.65}, NannyML's default). Stateless.
 */
public final class ReconstructionFitter {
    /** NannyML's default {@code n_components}: the share of the variance the kept components must exceed. */
    public static final double VARIANCE_SHARE = 0.65;

    private ReconstructionFitter() {
    }

    /**
     * Fits on {@code reference}.
     *
     * @throws IllegalArgumentException when the reference has no columns, fewer than two rows, a column with no value,
     *                                  or no column that varies
     */
    public static ReconstructionFit fit(FeatureTable reference) {
        requireNonNull(reference, "reference");
        if (reference.columns().isEmpty()) {
            throw new IllegalArgumentException("the reference has no columns; name at least one feature to fit PCA on");
        }
        if (reference.rowCount() == 0) {
            throw new IllegalArgumentException("the reference has no rows; fit on the model's training or reference data");
        }
        List<ColumnEncoder> encoders = new ArrayList<>();
        for (FeatureColumn column : reference.columns()) {
            encoders.add(column instanceof ContinuousColumn continuous ? ContinuousEncoder.fit(continuous)
                    : CategoricalEncoder.fit((CategoricalColumn) column));
        }
        double[][] encoded = new double[reference.rowCount()][encoders.size()];
        for (int row = 0; row < encoded.length; row++) {
            FeatureRow features = reference.row(row);
            for (int j = 0; j < encoders.size(); j++) {
                encoded[row][j] = encoders.get(j).encode(features);
            }
        }
        double[] means = columnMeans(encoded);
        double[] scales = columnScales(encoded, means);
        double[][] scaled = new double[encoded.length][];
        for (int row = 0; row < encoded.length; row++) {
            scaled[row] = new double[means.length];
            for (int j = 0; j < means.length; j++) {
                scaled[row][j] = (encoded[row][j] - means[j]) / scales[j];
            }
        }
        return ReconstructionFit.of(encoders, means, scales, PrincipalSubspace.fit(scaled, VARIANCE_SHARE));
    }

    private static double[] columnMeans(double[][] rows) {
        double[] means = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < means.length; j++) {
            means[j] /= rows.length;
        }
        return means;
    }

    // scikit-learn's StandardScaler divides a constant column by 1 rather than by its zero deviation.
    private static double[] columnScales(double[][] rows, double[] means) {
        double[] scales = new double[means.length];
        for (double[] row : rows) {
            for (int j = 0; j < means.length; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]);
            }
        }
        for (int j = 0; j < means.length; j++) {
            double deviation = Math.sqrt(scales[j] / rows.length);
            scales[j] = deviation > 0 ? deviation : 1;
        }
        return scales;
    }
}
