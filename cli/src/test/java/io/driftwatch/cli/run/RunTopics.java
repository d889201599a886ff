package io.driftwatch.cli.run;

import io.driftwatch.topology.config.DriftwatchConfig;

import java.util.Map;

/**
 * Every topic a run of the service and the commands around it use, named under a prefix of one test class's own,
 * so the classes that share the module's broker ({@code SharedKafkaBroker}) never read what another wrote.
 * {@code DriftToTriggerIntegrationTest} alone keeps the default names, so the user's path with no topic setting
 * stays tested; the classes with a broker of their own need no prefix.
 */
record RunTopics(String prefix) {
    String inferences() {
        return prefix + ".inferences";
    }

    String labels() {
        return prefix + ".labels";
    }

    String baselines() {
        return prefix + ".baselines";
    }

    String driftReports() {
        return prefix + ".drift-reports";
    }

    String qualityReports() {
        return prefix + ".quality-reports";
    }

    String triggers() {
        return prefix + ".triggers";
    }

    /** The service's topic settings, for its configuration. */
    Map<String, Object> settings() {
        return Map.of(
                DriftwatchConfig.INFERENCES_TOPIC_CONFIG, inferences(),
                DriftwatchConfig.LABELS_TOPIC_CONFIG, labels(),
                DriftwatchConfig.PROFILES_TOPIC_CONFIG, prefix + ".profiles",
                DriftwatchConfig.BASELINES_TOPIC_CONFIG, baselines(),
                DriftwatchConfig.DRIFT_REPORTS_TOPIC_CONFIG, driftReports(),
                DriftwatchConfig.QUALITY_REPORTS_TOPIC_CONFIG, qualityReports(),
                DriftwatchConfig.TRIGGERS_TOPIC_CONFIG, triggers(),
                DriftwatchConfig.ALERTS_TOPIC_CONFIG, prefix + ".alerts",
                DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG, prefix + ".dead-letter");
    }
}
