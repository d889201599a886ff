package io.driftwatch.stats.expect;

import io.driftwatch.stats.compare.ColumnType;
import io.driftwatch.stats.compare.SchemaFinding.Kind;
import io.driftwatch.stats.compare.SchemaFinding.Severity;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnExpectationTest {

    @Test
    void aMinimumAboveTheMaximumIsRejectedNamingColumnAndBounds() {
        assertThatThrownBy(() -> ColumnExpectation.of("income").withMin(10).withMax(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectation on column 'income': min 10 is above max 5; both bounds are inclusive, so min"
                        + " must be at most max");
    }

    @Test
    void equalBoundsAreAllowedSinceBothAreInclusive() {
        ColumnExpectation onlyOne = ColumnExpectation.of("flag").withMin(1).withMax(1);

        assertThat(onlyOne.min()).isEqualTo(1.0);
        assertThat(onlyOne.max()).isEqualTo(1.0);
    }

    @Test
    void aMissingShareOutsideZeroToOneIsRejectedWithTheHintThatItIsAShare() {
        assertThatThrownBy(() -> ColumnExpectation.of("income").withMaxMissingShare(5))
                .hasMessage("expectation on column 'income': max_missing_share must be a share in [0, 1] (0.05 for 5%),"
                        + " got 5.0");
        assertThatThrownBy(() -> ColumnExpectation.of("income").withMaxMissingShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyListOfAllowedValuesIsRejected() {
        assertThatThrownBy(() -> ColumnExpectation.of("city").withValues(Set.of(), UnseenValues.ERROR))
                .hasMessage("expectation on column 'city': values is empty, so every value would be unexpected; list"
                        + " the allowed values or leave values out");
    }

    @Test
    void aRangeOnAColumnExpectedCategoricalIsRejected() {
        assertThatThrownBy(() -> ColumnExpectation.of("city").withType(ColumnType.CATEGORICAL).withMax(3))
                .hasMessage("expectation on column 'city': min and max bound numbers, but type is categorical; drop the"
                        + " range or expect type numeric");
    }

    @Test
    void aBoundThatIsNotAFiniteNumberIsRejected() {
        assertThatThrownBy(() -> ColumnExpectation.of("x").withMin(Double.NaN))
                .hasMessage("expectation on column 'x': min must be a finite number, got NaN");
    }

    @Test
    void aRangeImpliesANumericColumn() {
        assertThat(ColumnExpectation.of("x").withMax(3).impliedType()).isEqualTo(ColumnType.NUMERIC);
        assertThat(ColumnExpectation.of("x").impliedType()).isNull();
    }

    @Test
    void typeAndRequiredAreErrorsAndTheRestWarningsUnlessASeverityIsGiven() {
        ColumnExpectation defaults = ColumnExpectation.of("x");
        ColumnExpectation strict = defaults.withSeverity(Severity.ERROR);
        ColumnExpectation lenient = defaults.withSeverity(Severity.WARNING);

        assertThat(defaults.severityOf(Kind.EXPECTED_TYPE)).isEqualTo(Severity.ERROR);
        assertThat(defaults.severityOf(Kind.REQUIRED_COLUMN)).isEqualTo(Severity.ERROR);
        assertThat(defaults.severityOf(Kind.ABOVE_MAX)).isEqualTo(Severity.WARNING);
        assertThat(defaults.severityOf(Kind.MISSING_SHARE)).isEqualTo(Severity.WARNING);
        assertThat(strict.severityOf(Kind.BELOW_MIN)).isEqualTo(Severity.ERROR);
        assertThat(lenient.severityOf(Kind.EXPECTED_TYPE)).isEqualTo(Severity.WARNING);
    }

    @Test
    void anUnseenValueIsAWarningUnlessThePolicySaysOtherwise() {
        assertThat(ColumnExpectation.of("x").unseen()).isEqualTo(UnseenValues.WARNING);
        assertThat(UnseenValues.parse(" Error ")).isEqualTo(UnseenValues.ERROR);
        assertThatThrownBy(() -> UnseenValues.parse("fatal"))
                .hasMessage("unseen values must be 'error', 'warning' or 'ignore', got 'fatal'");
    }
}
