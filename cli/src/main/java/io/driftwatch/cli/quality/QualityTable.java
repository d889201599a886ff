package io.driftwatch.cli.quality;

import io.driftwatch.stats.quality.BinaryConfusion;
import io.driftwatch.stats.quality.QualitySummary;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The quality block printed under {@code check}'s drift table: one row per metric with the reference's and the
 * current file's value side by side, the binary confusion matrix as count (share), the business value, and why a
 * file has no quality. Shares what it shows with {@link QualityHtml} through {@link #rows}.
 */
public final class QualityTable {
    private static final String NO_VALUE = "-";

    private QualityTable() {
    }

    /** A row of the quality table: what it measures, the reference's value, the current file's value. */
    record Row(String name, String reference, String current) {
    }

    static List<Row> rows(CheckQuality quality) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(quality, "labelled rows", summary -> Long.toString(summary.labelled())));
        for (String metric : quality.metricNames()) {
            rows.add(row(quality, metric, summary -> number(summary.metrics().get(metric))));
        }
        rows.add(row(quality, "positive class", summary -> summary.binary() == null ? NO_VALUE : summary.binary().positiveClass()));
        rows.add(row(quality, "true negatives", summary -> cell(summary.binary(), BinaryConfusion::trueNegatives)));
        rows.add(row(quality, "false positives", summary -> cell(summary.binary(), BinaryConfusion::falsePositives)));
        rows.add(row(quality, "false negatives", summary -> cell(summary.binary(), BinaryConfusion::falseNegatives)));
        rows.add(row(quality, "true positives", summary -> cell(summary.binary(), BinaryConfusion::truePositives)));
        if (quality.request().businessValue() != null) {
            rows.add(new Row("business value", businessValue(quality.reference(), quality, false),
                    businessValue(quality.current(), quality, false)));
            rows.add(new Row("business value per prediction", businessValue(quality.reference(), quality, true),
                    businessValue(quality.current(), quality, true)));
        }
        return rows;
    }

    public static String render(CheckQuality quality) {
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator()).append("Quality (labels in '").append(quality.request().labelColumn())
                .append("', predictions in '").append(quality.request().columns().prediction())
                .append("'; informs, never changes the exit code)").append(System.lineSeparator());
        List<Row> rows = rows(quality);
        int width = rows.stream().mapToInt(row -> row.name().length()).max().orElse(0) + 2;
        text.append(String.format(Locale.ROOT, "%-" + width + "s%-18s%s%n", "", "reference", "current"));
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s%-18s%s%n", row.name(), row.reference(), row.current()));
        }
        note(text, "reference", quality.reference());
        note(text, "current", quality.current());
        return text.toString();
    }

    private static void note(StringBuilder text, String side, FileQuality file) {
        if (file.whyNone() != null) {
            text.append(side).append(": ").append(file.whyNone()).append(System.lineSeparator());
        }
    }

    private static Row row(CheckQuality quality, String name, Function<QualitySummary, String> value) {
        return new Row(name, value(quality.reference(), value), value(quality.current(), value));
    }

    private static String value(FileQuality file, Function<QualitySummary, String> value) {
        return file.summary() == null ? NO_VALUE : value.apply(file.summary());
    }

    private static String cell(@Nullable BinaryConfusion binary, ToLongFunction<BinaryConfusion> count) {
        if (binary == null) {
            return NO_VALUE;
        }
        long cellCount = count.applyAsLong(binary);
        return String.format(Locale.ROOT, "%d (%.3f)", cellCount, binary.share(cellCount));
    }

    private static String businessValue(FileQuality file, CheckQuality quality, boolean perPrediction) {
        return file.businessValue(quality.request().businessValue())
                .map(value -> number(perPrediction ? value.perPrediction() : value.total())).orElse(NO_VALUE);
    }

    private static String number(@Nullable Double value) {
        return value == null ? NO_VALUE : String.format(Locale.ROOT, "%.4f", value);
    }
}
