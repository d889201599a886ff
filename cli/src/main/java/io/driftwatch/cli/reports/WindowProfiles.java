package io.driftwatch.cli.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.schemas.record.WindowProfile;
import io.driftwatch.topics.Topic;
import io.driftwatch.topics.Topics;

import java.time.Instant;
import java.util.List;

/** Window profiles, a row per window and feature: its type, how many values and missing values, and a short summary. */
final class WindowProfiles implements ReportKind<WindowProfile> {
    @Override
    public Topic<String, WindowProfile> topic() {
        return Topics.PROFILES;
    }

    @Override
    public String model(WindowProfile profile) {
        return profile.getModelName();
    }

    @Override
    public String version(WindowProfile profile) {
        return profile.getModelVersion();
    }

    @Override
    public Instant time(WindowProfile profile) {
        return profile.getWindowStart();
    }

    @Override
    public ObjectNode json(WindowProfile profile) {
        ObjectNode root = ReportJson.object();
        root.put("model", profile.getModelName()).put("version", profile.getModelVersion())
                .put("window_start", profile.getWindowStart().toString()).put("window_end", profile.getWindowEnd().toString())
                .put("feature", profile.getFeature()).put("type", profile.getColumnType().name())
                .put("count", profile.getCount()).put("missing", profile.getMissing());
        ProfileSummary.putJson(root.putObject("summary"), profile.getProfile());
        return root;
    }

    @Override
    public List<String> header() {
        return List.of("window start", "model", "version", "feature", "type", "count", "missing", "summary");
    }

    @Override
    public List<List<String>> rows(WindowProfile profile) {
        return List.of(List.of(profile.getWindowStart().toString(), profile.getModelName(), profile.getModelVersion(),
                profile.getFeature(), profile.getColumnType().name(), Long.toString(profile.getCount()),
                Long.toString(profile.getMissing()), ProfileSummary.text(profile.getProfile())));
    }
}
