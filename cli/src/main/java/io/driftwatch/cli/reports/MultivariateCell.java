package io.driftwatch.cli.reports;

import io.driftwatch.schemas.record.MultivariateDrift;
import org.jspecify.annotations.Nullable;

/**
 * A window's multivariate drift (NannyML's PCA reconstruction error) in one table cell, read as the estimate rows read:
 * {@code 1.0214 (0.9512–1.0916), thresholds 0.4102–0.5310  ALERT}, the mean reconstruction error with its ±3 SE band,
 * the reference chunks' thresholds and {@code ALERT} when it lies outside them; {@code -} for a window without one.
 */
final class MultivariateCell {
    static final String NONE = "-";

    private MultivariateCell() {
    }

    static String of(@Nullable MultivariateDrift drift) {
        if (drift == null) {
            return NONE;
        }
        Double value = drift.getValue();
        StringBuilder cell = new StringBuilder(value == null ? "no rows scored" : Cells.number(value));
        if (drift.getLower() != null && drift.getUpper() != null) {
            cell.append(" (").append(Cells.number(drift.getLower())).append('–').append(Cells.number(drift.getUpper())).append(')');
        }
        if (drift.getThresholdLower() == null && drift.getThresholdUpper() == null) {
            cell.append(", no thresholds");
        } else {
            cell.append(", thresholds ").append(bound(drift.getThresholdLower())).append('–').append(bound(drift.getThresholdUpper()));
        }
        return drift.getAlert() ? cell.append("  ").append(EstimateRows.ALERT).toString() : cell.toString();
    }

    private static String bound(@Nullable Double value) {
        return value == null ? "-" : Cells.number(value);
    }
}
