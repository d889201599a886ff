package io.driftwatch.schemas.format;

import io.driftwatch.schemas.SchemaException;
import io.driftwatch.schemas.record.InferenceLog;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSchemaStoreTest {

    @TempDir
    Path dir;

    @Test
    void holdsDriftwatchsOwnSchemasWithoutAnyFile() {
        long fingerprint = SchemaNormalization.parsingFingerprint64(InferenceLog.getClassSchema());

        assertThat(LocalSchemaStore.ownSchemas().findByFingerprint(fingerprint)).isEqualTo(InferenceLog.getClassSchema());
        assertThat(LocalSchemaStore.ownSchemas().findByFingerprint(42L)).isNull();
    }

    @Test
    void findsFilesInSubdirectoriesThatNameTypesOfLaterFiles() throws IOException {
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("a.avsc"),
                "{\"type\": \"record\", \"name\": \"Outer\", \"namespace\": \"com.acme\","
                        + " \"fields\": [{\"name\": \"inner\", \"type\": \"com.acme.Inner\"}]}");
        Files.writeString(dir.resolve("nested/b.avsc"),
                "{\"type\": \"record\", \"name\": \"Inner\", \"namespace\": \"com.acme\","
                        + " \"fields\": [{\"name\": \"v\", \"type\": \"int\"}]}");
        Files.writeString(dir.resolve("notes.txt"), "not a schema");

        LocalSchemaStore store = LocalSchemaStore.load(List.of(dir));

        Schema outer = Samples.parse("{\"type\": \"record\", \"name\": \"Outer\", \"namespace\": \"com.acme\", \"fields\":"
                + " [{\"name\": \"inner\", \"type\": {\"type\": \"record\", \"name\": \"Inner\", \"fields\":"
                + " [{\"name\": \"v\", \"type\": \"int\"}]}}]}");
        assertThat(store.findByFingerprint(SchemaNormalization.parsingFingerprint64(outer))).isEqualTo(outer);
        assertThat(store.size()).isEqualTo(4);
    }

    @Test
    void holdsEveryVersionOfOneRecordGivenInFilesOfTheirOwn() throws IOException {
        Files.writeString(dir.resolve("scored-v1.avsc"), CorpusSchemas.FLAT_USER.toString());
        Files.writeString(dir.resolve("inference-older.avsc"), CorpusSchemas.OLDER_INFERENCE.toString());
        Files.writeString(dir.resolve("inference-newer.avsc"), CorpusSchemas.NEWER_INFERENCE.toString());
        Schema scoredV2 = Samples.parse(CorpusSchemas.FLAT_USER.toString().replace("\"f_city\"", "\"f_town\""));
        Files.writeString(dir.resolve("scored-v2.avsc"), scoredV2.toString());

        LocalSchemaStore store = LocalSchemaStore.load(List.of(dir));

        for (Schema version : List.of(CorpusSchemas.FLAT_USER, scoredV2, CorpusSchemas.OLDER_INFERENCE, CorpusSchemas.NEWER_INFERENCE)) {
            assertThat(store.findByFingerprint(SchemaNormalization.parsingFingerprint64(version))).as(version.toString()).isEqualTo(version);
        }
    }

    @Test
    void namesTheFileThatIsNotAValidSchema() throws IOException {
        Path broken = dir.resolve("broken.avsc");
        Files.writeString(broken, "{\"type\": \"record\", \"name\": \"X\", \"fields\": [{\"name\": \"a\"}]}");

        assertThatThrownBy(() -> LocalSchemaStore.load(List.of(broken)))
                .isInstanceOf(SchemaException.class)
                .hasMessageStartingWith("schema file " + broken + " is not a valid Avro schema: ")
                .hasMessageEndingWith("; fix it or leave it out of the schema paths");
    }

    @Test
    void namesAPathThatDoesNotExist() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> LocalSchemaStore.load(List.of(missing)))
                .isInstanceOf(SchemaException.class)
                .hasMessage("schema path " + missing + " does not exist; give .avsc files or directories holding them");
    }
}
