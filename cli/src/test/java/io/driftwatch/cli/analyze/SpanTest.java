package io.driftwatch.cli.analyze;

import io.driftwatch.cli.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanTest {
    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    @Test
    void anEmptyOrReversedSpanIsRefused() {
        assertThatThrownBy(() -> Span.of("current", NOW, NOW.minusSeconds(1), "--from/--to"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--from/--to: the span");
    }
}
