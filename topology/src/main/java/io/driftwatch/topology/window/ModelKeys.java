package io.driftwatch.topology.window;

/**
 * The record key of a model version on driftwatch's own topics: {@code model/version}, readable in any
 * Kafka tool. A slash inside a model name stays unambiguous because the version is everything after the
 * last slash.
 */
public final class ModelKeys {
    private ModelKeys() {
    }

    public static String of(String model, String version) {
        return model + "/" + version;
    }

    public static String model(String key) {
        return key.substring(0, key.lastIndexOf('/'));
    }

    public static String version(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
