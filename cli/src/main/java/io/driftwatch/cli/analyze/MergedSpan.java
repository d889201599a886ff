package io.driftwatch.cli.analyze;

import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.stats.profile.ProfileFormatException;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The windows of one span merged into one profile per feature, as they arrive from the profiles topic: the merged
 * profile is the profile of all the span's records (exact counts, moments and, under the cap, values; a KLL sketch
 * with the rank error of one sketch of the same k, however many windows went into it), so a month of hourly windows
 * is compared as one data set. A window written twice (a replayed transaction) is merged once.
 */
public final class MergedSpan {
    private final Span span;
    private final SortedMap<String, ColumnProfile> profiles = new TreeMap<>();
    private final Set<String> mergedFeatureWindows = new HashSet<>();
    private final SortedMap<Instant, Long> recordsByWindow = new TreeMap<>();

    public MergedSpan(Span span) {
        this.span = requireNonNull(span, "span");
    }

    public Span span() {
        return span;
    }

    /**
     * Merges {@code window} when it lies in the span; returns whether it did.
     *
     * @throws UnmergeableWindowException when its profile cannot be read or was built with other sketch settings
     */
    public boolean add(WindowProfile window) {
        if (!span.holds(window.getWindowStart(), window.getWindowEnd())
                || !mergedFeatureWindows.add(window.getFeature() + '\n' + window.getWindowStart() + '\n' + window.getWindowEnd())) {
            return false;
        }
        ColumnProfile profile = decode(window);
        recordsByWindow.merge(window.getWindowStart(), profile.recordCount(), Math::max);
        ColumnProfile merged = profiles.get(window.getFeature());
        profiles.put(window.getFeature(), merged == null ? profile : merge(window, merged, profile));
        return true;
    }

    /** The merged profiles by feature (the prediction's under its own name), sorted. */
    public SortedMap<String, ColumnProfile> profiles() {
        return Collections.unmodifiableSortedMap(profiles);
    }

    public int windows() {
        return recordsByWindow.size();
    }

    /** Records of the merged windows: per window the most any of its features saw (every record reaches the prediction). */
    public long records() {
        return recordsByWindow.values().stream().mapToLong(Long::longValue).sum();
    }

    private static ColumnProfile decode(WindowProfile window) {
        ByteBuffer bytes = window.getProfile().duplicate();
        byte[] profile = new byte[bytes.remaining()];
        bytes.get(profile);
        try {
            return ProfileCodec.fromBytes(profile);
        } catch (ProfileFormatException e) {
            throw new UnmergeableWindowException(where(window) + " holds a profile driftwatch cannot read ("
                    + e.getMessage() + "); was it written by a newer driftwatch?", e);
        }
    }

    private static ColumnProfile merge(WindowProfile window, ColumnProfile merged, ColumnProfile profile) {
        try {
            if (merged instanceof NumericProfile numeric && profile instanceof NumericProfile other) {
                numeric.merge(other);
                return numeric;
            }
            if (merged instanceof CategoricalProfile categorical && profile instanceof CategoricalProfile other) {
                categorical.merge(other);
                return categorical;
            }
        } catch (IllegalArgumentException e) {
            throw new UnmergeableWindowException(where(window) + " was profiled with other sketch settings than the span's"
                    + " earlier windows (" + e.getMessage() + "); choose a span on one side of the settings change", e);
        }
        return kindChange(merged, profile);
    }

    /** As the stream's merge does: the kind with more values stays, the other side's values count as wrong-type. */
    private static ColumnProfile kindChange(ColumnProfile merged, ColumnProfile profile) {
        ColumnProfile kept = merged.count() >= profile.count() ? merged : profile;
        ColumnProfile other = kept == merged ? profile : merged;
        for (long i = 0; i < other.count() + other.wrongTypeCount(); i++) {
            if (kept instanceof NumericProfile numeric) {
                numeric.updateWrongType();
            } else {
                ((CategoricalProfile) kept).updateWrongType();
            }
        }
        for (long i = 0; i < other.missingCount() - other.wrongTypeCount(); i++) {
            if (kept instanceof NumericProfile numeric) {
                numeric.updateNull();
            } else {
                ((CategoricalProfile) kept).updateNull();
            }
        }
        return kept;
    }

    private static String where(WindowProfile window) {
        return "the profile of " + window.getFeature() + " in the window " + window.getWindowStart() + " to "
                + window.getWindowEnd();
    }
}
