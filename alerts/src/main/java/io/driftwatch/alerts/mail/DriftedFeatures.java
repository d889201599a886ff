package io.driftwatch.alerts.mail;

import io.driftwatch.schemas.record.AlertEvent;
import io.driftwatch.schemas.record.AlertFinding;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order in which an email lists the drifted features. Without a ranking, largest effect first. With one (the
 * window's feature ranking, {@code AlertEvent.ranking}), the order the stream gave: it writes a window's findings in
 * rank order, so the renderer keeps it rather than sorting by effect. Over several windows the newest ranked window
 * comes first, as its ranking counts the most windows: its features in its order, then those only earlier ranked
 * windows name, then any feature no ranked window names, by effect. Each listed feature shows the rank of the window
 * that placed it.
 */
final class DriftedFeatures {
    private static final Comparator<AlertFinding> BY_EFFECT = Comparator.comparingDouble(AlertFinding::getEffect).reversed()
            .thenComparing(AlertFinding::getFeature);

    private DriftedFeatures() {
    }

    /** How the newest window that has a ranking orders its features, for a person; null when no window has one. */
    static @Nullable String ranking(List<AlertEvent> windowsInTimeOrder) {
        for (int i = windowsInTimeOrder.size() - 1; i >= 0; i--) {
            String ranking = windowsInTimeOrder.get(i).getRanking();
            if (ranking != null) {
                return ranking;
            }
        }
        return null;
    }

    /**
     * @param windowsInTimeOrder the incident's windows, oldest first
     * @param strongestByFeature the finding each feature is shown with (its strongest window)
     */
    static List<AlertFinding> ordered(List<AlertEvent> windowsInTimeOrder, Map<String, AlertFinding> strongestByFeature) {
        if (ranking(windowsInTimeOrder) == null) {
            return strongestByFeature.values().stream().sorted(BY_EFFECT).toList();
        }
        Map<String, AlertFinding> placed = new LinkedHashMap<>();
        for (int i = windowsInTimeOrder.size() - 1; i >= 0; i--) {
            AlertEvent window = windowsInTimeOrder.get(i);
            if (window.getRanking() == null) {
                continue;
            }
            for (AlertFinding finding : window.getFindings()) {
                if (Incident.isSchemaFinding(finding)) {
                    continue;
                }
                AlertFinding shown = strongestByFeature.get(finding.getFeature());
                if (shown != null && !placed.containsKey(finding.getFeature())) {
                    placed.put(finding.getFeature(), Objects.equals(shown.getRank(), finding.getRank()) ? shown
                            : AlertFinding.newBuilder(shown).setRank(finding.getRank()).build());
                }
            }
        }
        List<AlertFinding> ordered = new ArrayList<>(placed.values());
        Collection<AlertFinding> unranked = new ArrayList<>(strongestByFeature.values());
        unranked.removeIf(finding -> placed.containsKey(finding.getFeature()));
        unranked.stream().sorted(BY_EFFECT).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
