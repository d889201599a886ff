package io.driftwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in the input stop produce with exit 2 before it connects to anything: no broker runs here. */
class ProduceCommandBadInputTest {
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int produce(String... args) {
        List<String> all = new ArrayList<>(List.of("produce", "--bootstrap-servers", NO_BROKER, "--topic", "t"));
        all.addAll(List.of(args));
        return DriftwatchCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content).toString();
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("nope.csv");

        assertThat(produce("--encoding", "json", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(missing + " does not exist");
    }

    @Test
    void aColumnGivenExplicitlyMustExistAndTheMessageListsTheColumns() throws IOException {
        String csv = file("a.csv", "id,model,version,prediction\n1,m,v,0.5\n");

        assertThat(produce("--encoding", "json", "--id-column", "request", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("has no column 'request' (given with --id-column)")
                .contains("its columns are id, model, version, prediction");
    }

    @Test
    void anUnparsableTimeNamesTheFileLineAndColumn() throws IOException {
        String csv = file("times.csv", """
                request_id,model,version,event_time,prediction
                r1,m,v,2024-05-01T00:00:00Z,1
                r2,m,v,yesterday,0
                """);

        assertThat(produce("--encoding", "json", csv)).isEqualTo(2);
        assertThat(err.toString()).contains(csv + " line 3, column 'event_time': cannot read 'yesterday' as a time");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aModelNameNeedsAColumnOrTheOption() throws IOException {
        String csv = file("nomodel.csv", "version,prediction\nv,1\n");

        assertThat(produce("--encoding", "json", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("has no column 'model' for the model name; pass --model");
    }

    @Test
    void labelsNeedTheirLabelColumn() throws IOException {
        String csv = file("labels.csv", "request_id,outcome\nr1,1\n");

        assertThat(produce("--encoding", "json", "--kind", "labels", "--model", "m", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("has no column 'label' for the label").contains("--label-column");
    }

    @Test
    void anEmptyPredictionNamesItsLine() throws IOException {
        String csv = file("empty.csv", "model,version,prediction\nm,v,1\nm,v,\n");

        assertThat(produce("--encoding", "json", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("line 3, column 'prediction': the prediction is empty");
    }

    @Test
    void avroRegistryNeedsARegistry() throws IOException {
        String csv = file("a.csv", "model,version,prediction\nm,v,1\n");

        assertThat(produce("--encoding", "avro-registry", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("avro-registry needs a schema registry; pass --registry URL");
    }

    @Test
    void anUnknownFormatListsTheKnownOnes() throws IOException {
        String csv = file("a.csv", "model,version,prediction\nm,v,1\n");

        assertThat(produce("--encoding", "protobuf", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'protobuf'; use one of avro-registry, avro-single, json");
    }

    @Test
    void aMissingConfigIsNamed() throws IOException {
        String csv = file("a.csv", "model,version,prediction\nm,v,1\n");

        assertThat(produce("--encoding", "json", "--config", "absent.properties", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("--config absent.properties does not exist");
    }

    @Test
    void aFileWithOnlyAHeaderHasNothingToProduce() throws IOException {
        String csv = file("header.csv", "model,version,prediction\n");

        assertThat(produce("--encoding", "json", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("has no data rows");
    }

    @Test
    void aNonPositiveRateIsRefused() throws IOException {
        String csv = file("a.csv", "model,version,prediction\nm,v,1\n");

        assertThat(produce("--encoding", "json", "--rate", "0", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("--rate must be a positive number");
    }

    @Test
    void oneScoreColumnBesideTwoNamedClassesWithoutAPositiveClassNamesBothClasses() throws IOException {
        String csv = file("named.csv", "request_id,model,version,prediction,p\nr1,m,v,churn,0.8\nr2,m,v,stay,0.3\n");

        assertThat(produce("--encoding", "json", "--score-column", "p", csv)).isEqualTo(2);
        assertThat(err.toString()).contains(csv + ": the predictions in column 'prediction' are two classes, 'churn' and"
                + " 'stay'").contains("pass --positive-class churn or --positive-class stay");
    }

    @Test
    void aScoreThatIsNotANumberNamesTheFileLineAndColumn() throws IOException {
        String csv = file("scores.csv", "request_id,model,version,prediction,p_yes,p_no\nr1,m,v,yes,0.8,0.2\nr2,m,v,no,low,0.7\n");

        assertThat(produce("--encoding", "json", "--score-column", "yes=p_yes", "--score-column", "no=p_no", csv)).isEqualTo(2);
        assertThat(err.toString()).contains(csv + " line 3, column 'p_yes': score 'low' of class 'yes' is not a number");
    }

    @Test
    void aScoreColumnWithoutAClassBesideOthersIsRefused() throws IOException {
        String csv = file("mixed.csv", "request_id,model,version,prediction,p_yes,p_no\nr1,m,v,yes,0.8,0.2\n");

        assertThat(produce("--encoding", "json", "--score-column", "p_yes", "--score-column", "no=p_no", csv)).isEqualTo(2);
        assertThat(err.toString()).contains("--score-column p_yes has no class, beside 1 other score column(s)");
    }
}
