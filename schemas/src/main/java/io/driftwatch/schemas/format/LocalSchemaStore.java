package io.driftwatch.schemas.format;

import io.driftwatch.schemas.SchemaException;
import io.driftwatch.schemas.record.FeedbackLabel;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.apache.avro.message.SchemaStore;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writer schemas for Avro single-object records, found by fingerprint: driftwatch's own
 * {@link InferenceLog} and {@link FeedbackLabel}, plus the {@code .avsc} files a user points at (older
 * versions of driftwatch's records, or the user's own record shapes). Files may name types defined in
 * other files of the same load, and several files may hold versions of one record. Loaded once at start-up, immutable and thread-safe afterwards.
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
        // Each file is parsed on a parser of its own, because two versions of one record (what single-object
        // readers need as the writer evolves) cannot share a parser: Avro refuses to redefine a name. A file
        // that names a type of another file resolves through the shared parser, where the first file to
        // define a name wins.
        SchemaParser shared = new SchemaParser();
        Map<Path, SchemaParser.ParseResult> own = new LinkedHashMap<>();
        Map<Path, SchemaParser.ParseResult> throughShared = new HashMap<>();
        for (Path file : avscFiles(paths)) {
            own.put(file, parse(new SchemaParser(), file));
            try {
                throughShared.put(file, shared.parse(file.toAbsolutePath()));
            } catch (IOException | AvroRuntimeException redefined) {
                // another version of a type an earlier file defines: it can only resolve on its own
            }
        }
        Map<Long, Schema> schemas = new HashMap<>();
        for (Schema ownSchema : List.of(InferenceLog.getClassSchema(), FeedbackLabel.getClassSchema())) {
            schemas.put(SchemaNormalization.parsingFingerprint64(ownSchema), ownSchema);
        }
        for (Map.Entry<Path, SchemaParser.ParseResult> file : own.entrySet()) {
            Schema schema = resolve(file.getKey(), file.getValue(), throughShared.get(file.getKey()));
            if (schema != null) {
                schemas.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
            }
        }
        return new LocalSchemaStore(schemas);
    }

    private static SchemaParser.ParseResult parse(SchemaParser parser, Path file) {
        try {
            // Avro 1.12 fails on a relative path without a parent directory.
            return parser.parse(file.toAbsolutePath());
        } catch (IOException e) {
            throw new SchemaException("cannot read schema file " + file + ": " + e.getMessage(), e);
        } catch (AvroRuntimeException e) {
            throw invalid(file, e);
        }
    }

    /** The file's schema, resolved only now, so that a file may name a type defined in a file parsed after it. */
    private static @Nullable Schema resolve(Path file, SchemaParser.ParseResult own, SchemaParser.@Nullable ParseResult shared) {
        try {
            return own.mainSchema();
        } catch (AvroRuntimeException unresolved) {
            if (shared == null) {
                throw invalid(file, unresolved);
            }
            try {
                return shared.mainSchema();
            } catch (AvroRuntimeException e) {
                throw invalid(file, e);
            }
        }
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
