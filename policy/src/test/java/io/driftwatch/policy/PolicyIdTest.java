package io.driftwatch.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyIdTest {
    private static PolicyId idOf(String yaml) throws PolicyException {
        return PolicyDocument.parse("credit.yaml", yaml).id();
    }

    @Test
    void reorderingReformattingAndCommentsKeepTheId() throws PolicyException {
        PolicyId flow = idOf("""
                model: credit
                window: {size: 1d, offset: 6h}
                features: {exclude: [b, a], tests: {psi: {threshold: 0.20}}}
                """);
        PolicyId block = idOf("""
                # the credit team's policy
                features:
                  tests:
                    psi:
                      threshold: 2.0e-1   # reviewed in June
                  exclude:
                    - a
                    - b
                window:
                  offset: PT6H
                  size: 24h
                model: 'credit'
                """);

        assertThat(block).isEqualTo(flow);
    }

    @Test
    void anyValueChangesTheId() throws PolicyException {
        PolicyId base = idOf("model: credit\nfeatures: {tests: {psi: {threshold: 0.2}}}\n");

        assertThat(idOf("model: credit\nfeatures: {tests: {psi: {threshold: 0.25}}}\n")).isNotEqualTo(base);
        assertThat(idOf("model: credit\nfeatures: {tests: {ks: {threshold: 0.2}}}\n")).isNotEqualTo(base);
        assertThat(idOf("model: fraud\nfeatures: {tests: {psi: {threshold: 0.2}}}\n")).isNotEqualTo(base);
    }

    @Test
    void theOutcomesPositiveClassAndEachCellOfItsMatrixAreInTheId() throws PolicyException {
        PolicyId base = idOf("model: fraud\noutcome: {positive_class: fraud, business_value: [[0, -5], [-50, 100]]}\n");

        assertThat(idOf("model: fraud\noutcome: {positive_class: legit, business_value: [[0, -5], [-50, 100]]}\n"))
                .isNotEqualTo(base);
        assertThat(idOf("model: fraud\noutcome: {positive_class: fraud, business_value: [[0, -5], [-60, 100]]}\n"))
                .isNotEqualTo(base);
        assertThat(idOf("model: fraud\noutcome: {business_value: [[0, -5], [-50, 100]], positive_class: fraud}\n"))
                .isEqualTo(base);
    }

    @Test
    void theIdIsShownAsTwelveHexDigitsOfTheSha256() throws PolicyException {
        PolicyId id = idOf("model: credit\n");

        assertThat(id.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(id.shortForm()).isEqualTo(id.sha256().substring(0, 12)).isEqualTo(id.toString());
    }
}
