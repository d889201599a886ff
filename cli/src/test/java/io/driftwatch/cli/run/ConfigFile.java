package io.driftwatch.cli.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The one configuration file a test deployment gives {@code run}, {@code alerts} and every command. */
final class ConfigFile {
    private ConfigFile() {
    }

    /** Writes {@code settings} to {@code driftwatch.properties} in {@code directory} and returns its path. */
    static Path write(Path directory, Map<String, ?> settings) throws IOException {
        Properties file = new Properties();
        settings.forEach((key, value) -> file.setProperty(key, value.toString()));
        Path path = directory.resolve("driftwatch.properties");
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            file.store(writer, null);
        }
        return path;
    }
}
