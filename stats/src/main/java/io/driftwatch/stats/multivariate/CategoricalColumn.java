package io.driftwatch.stats.multivariate;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A text or boolean feature's values, {@code null} where a value is missing. Immutable: the values are copied in. */
public final class CategoricalColumn implements FeatureColumn {
    private final String name;
    private final @Nullable String[] values;

    private CategoricalColumn(String name, @Nullable String[] values) {
        this.name = requireNonNull(name, "name");
        this.values = Arrays.copyOf(values, values.length);
    }

    /** The column {@code name} holding {@code values}, null for a missing one. */
    public static CategoricalColumn of(String name, List<? extends @Nullable String> values) {
        requireNonNull(values, "values");
        @Nullable String[] copy = new String[values.size()];
        for (int row = 0; row < copy.length; row++) {
            copy[row] = values.get(row);
        }
        return new CategoricalColumn(name, copy);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.CATEGORICAL;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The category in {@code row}, null when missing. */
    public @Nullable String value(int row) {
        return values[row];
    }
}
