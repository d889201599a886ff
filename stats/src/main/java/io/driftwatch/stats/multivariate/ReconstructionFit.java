package io.driftwatch.stats.multivariate;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a reference teaches about how its features move together, as plain numbers a baseline stores: per column its
 * imputation and encoding ({@link ColumnEncoder}), scikit-learn's {@code StandardScaler} means and scales, and the
 * principal subspace. {@link #errorOf(FeatureRow)} scores a row: the distance between the scaled row and its PCA
 * reconstruction, which grows when a window's features stop co-varying as the reference's did.
 *
 * <p>It is the distance NannyML's data-reconstruction calculator computes (commit 11ef5c86). Immutable and
 * thread-safe.
 */
public final class ReconstructionFit {
    private final List<ColumnEncoder> encoders;
    private final double[] scalerMeans;
    private final double[] scalerScales;
    private final PrincipalSubspace subspace;

    private ReconstructionFit(List<ColumnEncoder> encoders, double[] scalerMeans, double[] scalerScales,
                              PrincipalSubspace subspace) {
        this.encoders = List.copyOf(encoders);
        this.scalerMeans = scalerMeans.clone();
        this.scalerScales = scalerScales.clone();
        this.subspace = subspace;
    }

    /**
     * Restores a stored fit (or assembles a new one, as {@link ReconstructionFitter} does).
     *
     * @param encoders     the columns in the order of every array below
     * @param scalerMeans  the encoded reference's column means
     * @param scalerScales the encoded reference's column standard deviations (ddof 0), 1 for a constant column
     * @param subspace     the principal subspace of the scaled reference
     * @throws IllegalArgumentException when the lengths disagree or a scale is not positive
     */
    public static ReconstructionFit of(List<ColumnEncoder> encoders, double[] scalerMeans, double[] scalerScales,
                                       PrincipalSubspace subspace) {
        requireNonNull(encoders, "encoders");
        requireNonNull(scalerMeans, "scalerMeans");
        requireNonNull(scalerScales, "scalerScales");
        requireNonNull(subspace, "subspace");
        int columns = encoders.size();
        if (columns == 0 || scalerMeans.length != columns || scalerScales.length != columns
                || subspace.mean().length != columns) {
            throw new IllegalArgumentException(columns + " columns need as many scaler means (got " + scalerMeans.length
                    + "), scales (" + scalerScales.length + ") and PCA mean entries (" + subspace.mean().length + ")");
        }
        for (int j = 0; j < columns; j++) {
            if (!(scalerScales[j] > 0)) {
                throw new IllegalArgumentException("column " + encoders.get(j).name() + "'s scale must be positive, got "
                        + scalerScales[j]);
            }
        }
        return new ReconstructionFit(encoders, scalerMeans, scalerScales, subspace);
    }

    /** The reconstruction error of {@code row}: 0 or more, in units of the scaled (unit-variance) features. */
    public double errorOf(FeatureRow row) {
        requireNonNull(row, "row");
        double[] scaled = new double[encoders.size()];
        for (int j = 0; j < scaled.length; j++) {
            scaled[j] = (encoders.get(j).encode(row) - scalerMeans[j]) / scalerScales[j];
        }
        return subspace.residualNorm(scaled);
    }

    /** The errors of every row of {@code table}, accumulated. */
    public ReconstructionErrors errorsOf(FeatureTable table) {
        ReconstructionErrors errors = ReconstructionErrors.empty();
        for (int row = 0; row < table.rowCount(); row++) {
            errors = errors.plus(errorOf(table.row(row)));
        }
        return errors;
    }

    /** The columns with their kinds and fitted imputation and encoding, in the fit's order. */
    public List<ColumnEncoder> encoders() {
        return encoders;
    }

    /** The column names in the fit's order. */
    public List<String> columnNames() {
        return encoders.stream().map(ColumnEncoder::name).toList();
    }

    /** The encoded reference's column means. */
    public double[] scalerMeans() {
        return scalerMeans.clone();
    }

    /** The encoded reference's column standard deviations (ddof 0), 1 where a column is constant. */
    public double[] scalerScales() {
        return scalerScales.clone();
    }

    /** The PCA mean, components, explained-variance ratios and k. */
    public PrincipalSubspace subspace() {
        return subspace;
    }
}
