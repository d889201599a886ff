package io.driftwatch.stats.multivariate;

import static java.util.Objects.requireNonNull;

/** A numeric feature's values, {@link Double#NaN} where a value is missing. Immutable: the values are copied in. */
public final class ContinuousColumn implements FeatureColumn {
    private final String name;
    private final double[] values;

    private ContinuousColumn(String name, double[] values) {
        this.name = requireNonNull(name, "name");
        this.values = values.clone();
    }

    /** The column {@code name} holding {@code values}, NaN for a missing one. */
    public static ContinuousColumn of(String name, double... values) {
        return new ContinuousColumn(name, requireNonNull(values, "values"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CONTINUOUS;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The value in {@code row}, NaN when missing. */
    public double value(int row) {
        return values[row];
    }
}
