package io.driftwatch.cli.report;

import io.driftwatch.schemas.record.FeatureSummary;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoricalProfileConfig;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.NumericProfileConfig;
import io.driftwatch.stats.sample.SortedSample;
import io.driftwatch.topology.drift.FeatureSummaries;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;


/**
 * What the HTML report draws for each column: the same summary the alert email draws (a histogram over the central
 * 98% of both sides for numbers, the categories whose share moved most for categories), taken from the columns as
 * they were read (or the profiles merged). Computed only when asked, since only the HTML report wants it.
 */
public final class ColumnCharts {
    /** Sketches only: the chart's histogram needs quantiles, not the values themselves. */
    private static final NumericProfileConfig CHART_NUMBERS = new NumericProfileConfig(NumericProfileConfig.DEFAULT_KLL_K, 0);
    private static final ColumnCharts NONE = new ColumnCharts(column -> null, column -> null);

    private final Function<String, @Nullable ColumnProfile> reference;
    private final Function<String, @Nullable ColumnProfile> current;

    private ColumnCharts(Function<String, @Nullable ColumnProfile> reference, Function<String, @Nullable ColumnProfile> current) {
        this.reference = reference;
        this.current = current;
    }

    /** The charts of columns as a file was read, profiled only when a chart is asked for. */
    public static ColumnCharts of(Map<String, ? extends ColumnData> reference, Map<String, ? extends ColumnData> current) {
        Map<String, ColumnData> referenceColumns = Map.copyOf(reference);
        Map<String, ColumnData> currentColumns = Map.copyOf(current);
        return new ColumnCharts(column -> profileOrNull(referenceColumns.get(column)),
                column -> profileOrNull(currentColumns.get(column)));
    }

    /** Like {@link #of(Map, Map)}, with the columns a file held only as profiles (past check's memory budget). */
    public static ColumnCharts of(Map<String, ? extends ColumnData> reference, Map<String, ? extends ColumnData> current,
                                  Map<String, ? extends ColumnProfile> sketchedReference,
                                  Map<String, ? extends ColumnProfile> sketchedCurrent) {
        ColumnCharts kept = of(reference, current);
        Map<String, ColumnProfile> referenceProfiles = Map.copyOf(sketchedReference);
        Map<String, ColumnProfile> currentProfiles = Map.copyOf(sketchedCurrent);
        return new ColumnCharts(column -> referenceProfiles.containsKey(column) ? referenceProfiles.get(column)
                : kept.reference.apply(column), column -> currentProfiles.containsKey(column) ? currentProfiles.get(column)
                : kept.current.apply(column));
    }

    /** The charts of profiles already built: merged stream windows, a baseline. */
    public static ColumnCharts ofProfiles(Map<String, ? extends ColumnProfile> reference, Map<String, ? extends ColumnProfile> current) {
        Map<String, ColumnProfile> referenceProfiles = Map.copyOf(reference);
        Map<String, ColumnProfile> currentProfiles = Map.copyOf(current);
        return new ColumnCharts(referenceProfiles::get, currentProfiles::get);
    }

    /** No chart at all. */
    public static ColumnCharts none() {
        return NONE;
    }

    /** The chart of {@code column}: empty when a side lacks it, holds no value, or the two sides differ in kind. */
    public Optional<FeatureSummary> chartOf(String column) {
        ColumnProfile referenceProfile = reference.apply(column);
        ColumnProfile currentProfile = current.apply(column);
        if (referenceProfile == null || currentProfile == null) {
            return Optional.empty();
        }
        return FeatureSummaries.of(referenceProfile, currentProfile);
    }

    private static @Nullable ColumnProfile profileOrNull(@Nullable ColumnData column) {
        if (column == null) {
            return null;
        }
        if (column instanceof ColumnData.Numeric numeric) {
            SortedSample values = numeric.values();
            NumericProfile profile = NumericProfile.create(CHART_NUMBERS);
            for (int i = 0; i < values.size(); i++) {
                profile.update(values.get(i));
            }
            return profile;
        }
        CategoricalProfile profile = CategoricalProfile.create(CategoricalProfileConfig.defaults());
        ((ColumnData.Categorical) column).counts().counts().forEach((category, count) -> {
            for (long i = 0; i < count; i++) {
                profile.update(category);
            }
        });
        return profile;
    }
}
