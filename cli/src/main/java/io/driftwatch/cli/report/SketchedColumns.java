package io.driftwatch.cli.report;

import io.driftwatch.cli.tabular.TablePair;
import io.driftwatch.stats.calibration.CalibrationTargets;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Says which columns {@code check} compared by their sketches, and why: the user reads exact statistics unless
 * the report says otherwise, so a sketched column must never pass for an exact one.
 */
final class SketchedColumns {
    private SketchedColumns() {
    }

    /**
     * @param calibrated the tests whose thresholds the check calibrates on the reference: a sketched reference
     *                   column is not calibrated, since calibration needs its values
     * @return each column compared by sketch with the sentence saying why, in the reference's order, then the
     *         current file's own
     */
    static Map<String, String> of(TablePair tables, CalibrationTargets calibrated) {
        Set<String> columns = new LinkedHashSet<>();
        tables.reference().columnOrder().stream().filter(column -> tables.reference().sketchedColumns().containsKey(column)
                || tables.current().sketchedColumns().containsKey(column)).forEach(columns::add);
        columns.addAll(tables.current().sketchedColumns().keySet());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String column : columns) {
            boolean inReference = tables.reference().sketchedColumns().containsKey(column);
            boolean inCurrent = tables.current().sketchedColumns().containsKey(column);
            String files = inReference && inCurrent ? "both files'" : inReference ? "the reference's" : "the current file's";
            String reason = files + " values would not fit in the heap (" + heapMib() + " MiB), so its tests ran on sketches"
                    + " with error bounds";
            if (inReference && !calibrated.testsFor(column).isEmpty()) {
                reason += "; its thresholds were not calibrated (" + String.join(", ", calibrated.testsFor(column).keySet())
                        + " keep the policy's), since calibration needs the reference's values";
            }
            reasons.put(column, reason);
        }
        return reasons;
    }

    private static long heapMib() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
