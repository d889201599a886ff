package io.driftwatch.schemas.format;

import io.driftwatch.schemas.SchemaException;
import io.driftwatch.schemas.record.InferenceLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
