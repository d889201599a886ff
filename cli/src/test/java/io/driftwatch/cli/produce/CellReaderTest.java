package io.driftwatch.cli.produce;

import io.driftwatch.cli.BadInputException;
import io.driftwatch.cli.tabular.Row;
import io.driftwatch.cli.tabular.RowValue;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellReaderTest {
    private final CellReader cells = new CellReader(Path.of("in.csv"));

    private Instant time(RowValue value) throws BadInputException {
        return cells.time(new Row(5, Map.of("t", value)), "t");
    }

    @Test
    void readsEpochMillisecondsAsTextOrAsJsonNumbers() throws BadInputException {
        assertThat(time(new RowValue.Numeric(1.7145648E12, "1714564800000"))).isEqualTo(Instant.ofEpochMilli(1714564800000L));
        assertThat(time(new RowValue.Numeric(1.7145648E12, "1.7145648e12"))).isEqualTo(Instant.ofEpochMilli(1714564800000L));
        assertThat(time(new RowValue.Text("-1000"))).isEqualTo(Instant.ofEpochMilli(-1000));
    }

    @Test
    void readsIsoTimesWithAnOffsetOrAsUtcWithout() throws BadInputException {
        assertThat(time(new RowValue.Text("2024-05-01T12:00:00Z"))).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(time(new RowValue.Text("2024-05-01T14:00:00.250+02:00"))).isEqualTo(Instant.parse("2024-05-01T12:00:00.250Z"));
        assertThat(time(new RowValue.Text("2024-05-01 12:00:00"))).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(time(new RowValue.Text("2024-05-01"))).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void refusesAFractionalMillisecondCountWithTheLineAndColumn() {
        assertThatThrownBy(() -> time(new RowValue.Numeric(1.5, "1.5"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("in.csv line 5, column 't': cannot read '1.5' as a time");
    }

    @Test
    void typesFeaturesAsDoublesBooleansStringsOrNull() {
        assertThat(new RowValue.Numeric(2, "2").featureValue()).isEqualTo(2.0);
        assertThat(new RowValue.Bool(false).featureValue()).isEqualTo(false);
        assertThat(new RowValue.Text("DE").featureValue()).isEqualTo("DE");
        assertThat(RowValue.Missing.VALUE.featureValue()).isNull();
    }
}
