package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.stats.profile.CategoricalProfile;
import io.driftwatch.stats.profile.CategoryFrequency;
import io.driftwatch.stats.profile.ColumnProfile;
import io.driftwatch.stats.profile.NumericProfile;
import io.driftwatch.stats.profile.ProfileCodec;
import io.driftwatch.stats.profile.ProfileFormatException;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The few numbers of a window profile a person reads, decoded from its profile bytes (ProfileCodec): min, max, mean
 * and standard deviation of a numeric column; the estimated distinct count and most frequent categories of a
 * categorical one. The sketches themselves are never printed. Bytes that do not decode say so instead of failing.
 */
final class ProfileSummary {
    static final int TOP_CATEGORIES = 3;

    private ProfileSummary() {
    }

    static void putJson(ObjectNode summary, ByteBuffer profileBytes) {
        try {
            ColumnProfile profile = ProfileCodec.fromBytes(bytes(profileBytes));
            if (profile instanceof NumericProfile numeric) {
                finite(summary, "min", numeric.min());
                finite(summary, "max", numeric.max());
                finite(summary, "mean", numeric.mean());
                finite(summary, "std", numeric.populationStandardDeviation());
            } else {
                CategoricalProfile categorical = (CategoricalProfile) profile;
                summary.put("distinct_estimate", Math.round(categorical.distinctCountEstimate()));
                ArrayNode top = summary.putArray("top_categories");
                for (CategoryFrequency frequency : top(categorical)) {
                    top.addObject().put("category", frequency.category()).put("count_low", frequency.lowerBound())
                            .put("count_high", frequency.upperBound());
                }
            }
        } catch (ProfileFormatException e) {
            summary.put("unreadable", e.getMessage());
        }
    }

    static String text(ByteBuffer profileBytes) {
        try {
            ColumnProfile profile = ProfileCodec.fromBytes(bytes(profileBytes));
            if (profile instanceof NumericProfile numeric) {
                return "min " + Cells.number(numeric.min()) + "  max " + Cells.number(numeric.max())
                        + "  mean " + Cells.number(numeric.mean()) + "  std " + Cells.number(numeric.populationStandardDeviation());
            }
            CategoricalProfile categorical = (CategoricalProfile) profile;
            List<String> top = top(categorical).stream().map(CategoryFrequency::category).toList();
            return String.format(Locale.ROOT, "~%d distinct", Math.round(categorical.distinctCountEstimate()))
                    + (top.isEmpty() ? "" : "  top " + String.join(", ", top));
        } catch (ProfileFormatException e) {
            return "profile unreadable: " + e.getMessage();
        }
    }

    private static List<CategoryFrequency> top(CategoricalProfile profile) {
        return profile.frequencies().stream()
                .sorted(Comparator.comparingLong(CategoryFrequency::upperBound).reversed()
                        .thenComparing(CategoryFrequency::category))
                .limit(TOP_CATEGORIES).toList();
    }

    private static void finite(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
