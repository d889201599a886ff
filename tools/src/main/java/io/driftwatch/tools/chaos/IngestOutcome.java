package io.driftwatch.tools.chaos;

import io.driftwatch.schemas.record.DeadLetter;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.stats.profile.FeatureProfiles;
import io.driftwatch.topics.Topics;
import io.driftwatch.topology.config.DriftwatchConfig;
import org.apache.kafka.common.serialization.Serde;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run made of its input, as a user reads it (read_committed): its dead letters, and how many records its
 * closed windows counted (the prediction's profile of each window counts every record of the window once).
 *
 * @param deadLetters        every dead letter, in topic order
 * @param recordsProfiled    records counted over every closed window
 * @param windowsProfiledTwice windows whose prediction profile was written more than once
 */
record IngestOutcome(List<DeadLetter> deadLetters, long recordsProfiled, int windowsProfiledTwice) {

    static IngestOutcome read(String bootstrapServers, RunSettings run) {
        String deadLetterTopic = run.topic(DriftwatchConfig.DEAD_LETTER_TOPIC_CONFIG);
        Serde<DeadLetter> deadLetterSerde = Topics.DEAD_LETTER.valueSerde();
        List<DeadLetter> deadLetters = CommittedRecords.readAll(bootstrapServers, deadLetterTopic,
                bytes -> deadLetterSerde.deserializer().deserialize(deadLetterTopic, bytes));
        String profileTopic = run.topic(DriftwatchConfig.PROFILES_TOPIC_CONFIG);
        Serde<WindowProfile> profileSerde = Topics.PROFILES.valueSerde();
        Map<String, Long> recordsByWindow = new HashMap<>();
        int twice = 0;
        for (WindowProfile profile : CommittedRecords.readAll(bootstrapServers, profileTopic,
                bytes -> profileSerde.deserializer().deserialize(profileTopic, bytes))) {
            if (profile.getFeature().equals(FeatureProfiles.PREDICTION)) {
                String window = profile.getModelName() + "/" + profile.getModelVersion() + "/" + profile.getWindowStart();
                if (recordsByWindow.put(window, profile.getCount() + profile.getMissing()) != null) {
                    twice++;
                }
            }
        }
        return new IngestOutcome(deadLetters, recordsByWindow.values().stream().mapToLong(Long::longValue).sum(), twice);
    }
}
