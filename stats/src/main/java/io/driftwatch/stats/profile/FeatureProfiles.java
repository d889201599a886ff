package io.driftwatch.stats.profile;

import io.driftwatch.stats.multivariate.ReconstructionErrors;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The profiles of a set of inference records, one per feature and one for the prediction (under
 * {@link #PREDICTION}): what a streaming window, or a training baseline, holds per model version. It
 * merges like the profiles inside it, so partial windows from several partitions combine into the window.
 *
 * <p>A feature's kind is set by its first non-null value: numbers make it numeric, strings and booleans
 * categorical. A later value of the other kind counts as a wrong-type value of that feature; nulls seen
 * before the kind is known are kept and counted once it is. Mutable and not thread-safe, like the
 * sketches it holds; it belongs to the one processor that updates it.
 */
public final class FeatureProfiles {
    /** The name the prediction's profile is kept under; no feature may use it. */
    public static final String PREDICTION = "__prediction__";

    private final NumericProfileConfig numericConfig;
    private final CategoricalProfileConfig categoricalConfig;
    private final SortedMap<String, ColumnProfile> profiles = new TreeMap<>();
    /** The same profiles, for the per-value lookup: hashing a name is cheaper than comparing it down a tree. */
    private final Map<String, ColumnProfile> profilesByName = new HashMap<>();
    /**
     * The profiles of the last record's columns by their position in it: a model's records name their features in
     * the same order, so a name is checked against the one at its position instead of hashed; empty again whenever
     * a name's profile is put or replaced.
     */
    private String[] namesByPosition = new String[0];
    private ColumnProfile[] profilesByPosition = new ColumnProfile[0];
    private int position;
    private final SortedMap<String, Long> nullsBeforeKind = new TreeMap<>();
    private final SortedMap<String, ReconstructionErrors> reconstructionByFit = new TreeMap<>();
    private long records;

    public FeatureProfiles(NumericProfileConfig numericConfig, CategoricalProfileConfig categoricalConfig) {
        this.numericConfig = requireNonNull(numericConfig, "numericConfig");
        this.categoricalConfig = requireNonNull(categoricalConfig, "categoricalConfig");
    }

    /**
     * Adds one record.
     *
     * @param features   feature name to value: a {@link Number}, {@link String}, {@link Boolean} or null
     * @param prediction a number or a class label
     */
    public void add(Map<String, ?> features, Object prediction) {
        requireNonNull(features, "features");
        requireNonNull(prediction, "prediction");
        records++;
        position = 0;
        features.forEach(this::addRecordValue);
        addRecordValue(PREDICTION, prediction);
    }

    private void addRecordValue(String name, @Nullable Object value) {
        addValue(name, value, profileAtPosition(name, position++));
    }

    private @Nullable ColumnProfile profileAtPosition(String name, int index) {
        if (index < namesByPosition.length && name.equals(namesByPosition[index])) {
            return profilesByPosition[index];
        }
        ColumnProfile profile = profilesByName.get(name);
        if (index >= namesByPosition.length) {
            int length = Math.max(index + 1, 2 * namesByPosition.length);
            namesByPosition = Arrays.copyOf(namesByPosition, length);
            profilesByPosition = Arrays.copyOf(profilesByPosition, length);
        }
        namesByPosition[index] = name;
        profilesByPosition[index] = profile;
        return profile;
    }

    private void addValue(String name, @Nullable Object value) {
        addValue(name, value, profilesByName.get(name));
    }

    private void addValue(String name, @Nullable Object value, @Nullable ColumnProfile known) {
        ColumnProfile profile = known;
        if (value == null) {
            if (profile == null) {
                nullsBeforeKind.merge(name, 1L, Long::sum);
            } else if (profile instanceof NumericProfile numeric) {
                numeric.updateNull();
            } else {
                ((CategoricalProfile) profile).updateNull();
            }
            return;
        }
        if (profile == null) {
            profile = create(name, value instanceof Number);
        }
        if (profile instanceof NumericProfile numeric) {
            if (value instanceof Number number) {
                numeric.update(number.doubleValue());
            } else {
                numeric.updateWrongType();
            }
        } else {
            CategoricalProfile categorical = (CategoricalProfile) profile;
            if (value instanceof String || value instanceof Boolean) {
                categorical.update(value.toString());
            } else {
                categorical.updateWrongType();
            }
        }
    }

    private ColumnProfile create(String name, boolean numeric) {
        ColumnProfile profile = numeric ? NumericProfile.create(numericConfig) : CategoricalProfile.create(categoricalConfig);
        long nulls = nullsBeforeKind.getOrDefault(name, 0L);
        nullsBeforeKind.remove(name);
        for (long i = 0; i < nulls; i++) {
            if (profile instanceof NumericProfile numericProfile) {
                numericProfile.updateNull();
            } else {
                ((CategoricalProfile) profile).updateNull();
            }
        }
        put(name, profile);
        return profile;
    }

    private void put(String name, ColumnProfile profile) {
        profiles.put(name, profile);
        profilesByName.put(name, profile);
        Arrays.fill(namesByPosition, null);
    }

    /**
     * Adds everything {@code other} holds. A feature that is numeric on one side and categorical on the
     * other keeps the kind of the side with more values; the other side's values count as wrong-type.
     */
    public void merge(FeatureProfiles other) {
        requireNonNull(other, "other");
        records += other.records;
        other.reconstructionByFit.forEach((fitId, errors) -> reconstructionByFit.merge(fitId, errors, ReconstructionErrors::merge));
        other.nullsBeforeKind.forEach((name, nulls) -> {
            for (long i = 0; i < nulls; i++) {
                addValue(name, null);
            }
        });
        other.profiles.forEach((name, theirs) -> {
            ColumnProfile ours = profilesByName.get(name);
            if (ours == null) {
                put(name, copy(theirs));
                long nulls = nullsBeforeKind.getOrDefault(name, 0L);
                nullsBeforeKind.remove(name);
                for (long i = 0; i < nulls; i++) {
                    addValue(name, null);
                }
            } else if (ours instanceof NumericProfile numeric && theirs instanceof NumericProfile numericTheirs) {
                numeric.merge(numericTheirs);
            } else if (ours instanceof CategoricalProfile categorical && theirs instanceof CategoricalProfile categoricalTheirs) {
                categorical.merge(categoricalTheirs);
            } else {
                mergeMismatched(name, ours, theirs);
            }
        });
    }

    private void mergeMismatched(String name, ColumnProfile ours, ColumnProfile theirs) {
        ColumnProfile kept = ours.count() >= theirs.count() ? ours : copy(theirs);
        ColumnProfile dropped = kept == ours ? theirs : ours;
        put(name, kept);
        for (long i = 0; i < dropped.count(); i++) {
            if (kept instanceof NumericProfile numeric) {
                numeric.updateWrongType();
            } else {
                ((CategoricalProfile) kept).updateWrongType();
            }
        }
    }

    private static ColumnProfile copy(ColumnProfile profile) {
        return profile instanceof NumericProfile numeric ? numeric.copy() : ((CategoricalProfile) profile).copy();
    }

    /**
     * Adds one record's multivariate reconstruction error, under the id of the fit that scored it: a window's records
     * are scored with its model version's baseline as they arrive, and a baseline published while the window is open
     * must not mix its errors with the earlier one's.
     *
     * @throws IllegalArgumentException when {@code error} is negative or not finite
     */
    public void addReconstructionError(String fitId, double error) {
        requireNonNull(fitId, "fitId");
        reconstructionByFit.put(fitId, reconstructionByFit.getOrDefault(fitId, ReconstructionErrors.empty()).plus(error));
    }

    /** The reconstruction errors of the records scored, by the id of the fit that scored them; usually one or none. */
    public SortedMap<String, ReconstructionErrors> reconstructionErrors() {
        return Collections.unmodifiableSortedMap(reconstructionByFit);
    }

    /** Number of records added (or merged in). */
    public long records() {
        return records;
    }

    /** The profiles by feature name, the prediction's under {@link #PREDICTION}; a live view, not a copy. */
    public SortedMap<String, ColumnProfile> profiles() {
        return Collections.unmodifiableSortedMap(profiles);
    }

    /** Nulls of features whose kind is not known yet (every value so far was null). */
    public SortedMap<String, Long> nullsBeforeKind() {
        return Collections.unmodifiableSortedMap(nullsBeforeKind);
    }

    public NumericProfileConfig numericConfig() {
        return numericConfig;
    }

    public CategoricalProfileConfig categoricalConfig() {
        return categoricalConfig;
    }

    /** Restores the state {@link FeatureProfilesCodec} wrote. */
    static FeatureProfiles restored(NumericProfileConfig numericConfig, CategoricalProfileConfig categoricalConfig,
                                    long records, Map<String, ColumnProfile> profiles, Map<String, Long> nullsBeforeKind,
                                    Map<String, ReconstructionErrors> reconstructionByFit) {
        FeatureProfiles restored = new FeatureProfiles(numericConfig, categoricalConfig);
        restored.records = records;
        profiles.forEach(restored::put);
        restored.nullsBeforeKind.putAll(nullsBeforeKind);
        restored.reconstructionByFit.putAll(reconstructionByFit);
        return restored;
    }
}
