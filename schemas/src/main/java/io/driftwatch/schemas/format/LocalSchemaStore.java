package io.driftwatch.schemas.format;

import io.driftwatch.schemas.SchemaException;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.apache.avro.message.SchemaStore;
import org.jspecify.annotations.Nullable;

/**
 * Writer schemas for Avro single-object records, found by fingerprint: driftwatch's own
 * {@link InferenceLog} and {@link FeedbackLabel}, plus the {@code .avsc} files a user points at (older
 * versions of driftwatch's records, or the user's own record shapes). Files may name types defined in
 * other files of the same load. Loaded once at start-up, immutable and thread-safe afterwards.
 */
public final class LocalSchemaStore implements SchemaStore {
    private final Map<Long, Schema> schemasByFingerprint;

    private LocalSchemaStore(Map<Long, Schema> schemasByFingerprint) {
        this.schemasByFingerprint = Map.copyOf(schemasByFingerprint);
    }

    /** Only driftwatch's own schemas. */
    public static LocalSchemaStore ownSchemas() {
        return load(List.of());
    }

    /**
     * @param paths {@code .avsc} files, and directories searched (with their subdirectories) for them
     * @throws SchemaException naming the file, when a path does not exist, cannot be read or is not a valid
     *                         Avro schema
     */
    public static LocalSchemaStore load(List<Path> paths) {
        SchemaParser parser = new SchemaParser();
        Map<Path, SchemaParser.ParseResult> parsed = new LinkedHashMap<>();
        for (Path file : avscFiles(paths)) {
            try {
                // Avro 1.12 fails on a relative path without a parent directory.
                parsed.put(file, parser.parse(file.toAbsolutePath()));
            } catch (IOException e) {
                throw new SchemaException("cannot read schema file " + file + ": " + e.getMessage(), e);
            } catch (AvroRuntimeException e) {
                throw invalid(file, e);
            }
        }
        Map<Long, Schema> schemas = new HashMap<>();
        for (Schema own : List.of(InferenceLog.getClassSchema(), FeedbackLabel.getClassSchema())) {
            schemas.put(SchemaNormalization.parsingFingerprint64(own), own);
        }
        for (Map.Entry<Path, SchemaParser.ParseResult> file : parsed.entrySet()) {
            Schema schema;
            try {
                // Resolved only now, so that a file may name a type defined in a file parsed after it.
                schema = file.getValue().mainSchema();
            } catch (AvroRuntimeException e) {
                throw invalid(file.getKey(), e);
            }
            if (schema == null) {
                continue;
            }
            schemas.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
        }
        return new LocalSchemaStore(schemas);
    }

    @Override
    public @Nullable Schema findByFingerprint(long fingerprint) {
        return schemasByFingerprint.get(fingerprint);
    }

    /** How many distinct schemas the store holds. */
    public int size() {
        return schemasByFingerprint.size();
    }

    private static List<Path> avscFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".avsc"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new SchemaException("cannot list schema directory " + path + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new SchemaException("schema path " + path + " does not exist; give .avsc files or directories"
                        + " holding them");
            }
        }
        return files;
    }

    private static SchemaException invalid(Path file, AvroRuntimeException e) {
        return new SchemaException("schema file " + file + " is not a valid Avro schema: " + e.getMessage()
                + "; fix it or leave it out of the schema paths", e);
    }
}
