package io.driftwatch.stats.baseline;

import io.driftwatch.stats.calibration.Calibration;
import io.driftwatch.stats.calibration.ThresholdCalibrator;
import io.driftwatch.stats.compare.ColumnData;
import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.DriftDefaults;
import io.driftwatch.stats.compare.TestOptions;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.quality.QualitySummary;
import io.driftwatch.stats.sample.CategoryCounts;
import io.driftwatch.stats.sample.SortedSample;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link TrainingBaseline} from a training data set's typed columns: per column the profile
 * (every valid value and every missing one), the schema facts, the default test {@link DriftDefaults}
 * picks from the training data alone, and, when the settings ask for it, that test's threshold calibrated
 * by {@link ThresholdCalibrator}. Columns are built in parallel; the result keeps the input's column order.
 *
 * <p>Deterministic apart from the profiles' KLL sketches, whose compaction DataSketches randomizes: the
 * facts, the thresholds and the content hash depend only on the data and the settings. Thread-safe.
 */
public final class BaselineBuilder {
    private final BaselineSettings settings;
    private final ThresholdCalibrator calibrator;

    public BaselineBuilder(BaselineSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        this.calibrator = new ThresholdCalibrator(settings.plan(), settings.options());
    }

    /**
     * @param rows    data rows of the training data
     * @param columns the training columns by name, in the order the baseline should list them
     */
    public TrainingBaseline build(long rows, Map<String, ? extends ColumnData> columns) {
        return build(rows, columns, null);
    }

    /**
     * Like {@link #build(long, Map)}, recording the model's quality on the training data's labelled rows;
     * the quality is part of the content hash, so a baseline with another quality has another id.
     *
     * @param quality the quality summary of the labelled rows, or null when there were no labels
     */
    public TrainingBaseline build(long rows, Map<String, ? extends ColumnData> columns, @Nullable QualitySummary quality) {
        requireNonNull(columns, "columns");
        Map<String, ColumnBaseline> built = new ConcurrentHashMap<>();
        columns.entrySet().parallelStream().forEach(entry -> built.put(entry.getKey(), column(entry.getKey(), entry.getValue())));
        List<ColumnBaseline> ordered = new ArrayList<>();
        TrainingDigest digest = new TrainingDigest();
        digest.settings(settings);
        digest.rows(rows);
        columns.forEach((name, column) -> {
            ordered.add(built.get(name));
            digest.column(name, column);
        });
        if (quality != null) {
            digest.quality(quality);
        }
        return new TrainingBaseline(rows, ordered, settings, digest.finish(), quality);
    }

    private ColumnBaseline column(String name, ColumnData column) {
        DriftDefaults.TestChoice choice = column.validCount() == 0 ? null
                : DriftDefaults.defaultTest(column.type(), column.validCount(), distinctForSelection(column));
        boolean asCategories = choice != null && choice.asCategories() && column.type() == ColumnType.NUMERIC;
        List<Calibration> calibrations = new ArrayList<>();
        Map<String, TestOptions> targets = settings.targets().testsFor(name);
        if (settings.calibrate() && choice != null && !targets.containsKey(choice.test())) {
            calibrations.add(calibrator.calibrate(choice.test(), column, choice.asCategories()));
        }
        calibrations.addAll(settings.targets().calibrate(name, column, settings.plan()));
        return new ColumnBaseline(name, profile(column), facts(column, asCategories),
                choice == null ? null : choice.test(), asCategories, calibrations);
    }

    private ColumnProfile profile(ColumnData column) {
        if (column instanceof ColumnData.Numeric numeric) {
            NumericProfile profile = NumericProfile.create(settings.numericProfile());
            SortedSample values = numeric.values();
            for (int i = 0; i < values.size(); i++) {
                profile.update(values.get(i));
            }
            for (long i = 0; i < numeric.missingCount(); i++) {
                profile.updateNull();
            }
            return profile;
        }
        ColumnData.Categorical categorical = (ColumnData.Categorical) column;
        CategoricalProfile profile = CategoricalProfile.create(settings.categoricalProfile());
        categorical.counts().counts().forEach((category, count) -> {
            for (long i = 0; i < count; i++) {
                profile.update(category);
            }
        });
        for (long i = 0; i < categorical.missingCount(); i++) {
            profile.updateNull();
        }
        return profile;
    }

    private ColumnFacts facts(ColumnData column, boolean asCategories) {
        if (column instanceof ColumnData.Numeric numeric) {
            SortedSample values = numeric.values();
            List<String> domain = List.of();
            boolean truncated = false;
            if (asCategories) {
                CategoryCounts labels = CategoryCounts.ofNumbers(values);
                domain = domain(labels);
                truncated = labels.distinctCount() > domain.size();
            }
            return new ColumnFacts(ColumnType.NUMERIC, values.size(), numeric.missingCount(),
                    values.isEmpty() ? null : values.min(), values.isEmpty() ? null : values.max(),
                    values.distinctCount(), domain, truncated);
        }
        CategoryCounts counts = ((ColumnData.Categorical) column).counts();
        List<String> domain = domain(counts);
        return new ColumnFacts(ColumnType.CATEGORICAL, counts.total(), column.missingCount(), null, null,
                counts.distinctCount(), domain, counts.distinctCount() > domain.size());
    }

    private List<String> domain(CategoryCounts counts) {
        return counts.counts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.domainCap()).map(Map.Entry::getKey).toList();
    }

    private static int distinctForSelection(ColumnData column) {
        if (column instanceof ColumnData.Numeric numeric) {
            return numeric.values().distinctCount();
        }
        return ((ColumnData.Categorical) column).counts().distinctCount();
    }
}
