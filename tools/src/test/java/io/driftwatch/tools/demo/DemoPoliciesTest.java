package io.driftwatch.tools.demo;

import io.driftwatch.policy.ModelPolicy;
import io.driftwatch.policy.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPoliciesTest {
    @TempDir
    Path directory;

    @Test
    void theCreditPolicyExcludesTheIdOverridesIncomeExpectsFourRegionsAndMailsTheCreditTeam() throws Exception {
        ModelPolicy credit = PolicyDocument.read(BundledData.copy(DemoPolicies.CREDIT_FILE, directory)).policy();

        assertThat(credit.model()).isEqualTo(CreditTraffic.MODEL);
        assertThat(credit.features().exclude()).containsExactly(CreditTraffic.ID_COLUMN);
        assertThat(credit.features().columns().get(DemoExpectations.OVERRIDDEN_COLUMN).tests()).map(Map::keySet)
                .contains(Set.of(DemoExpectations.OVERRIDING_TEST));
        assertThat(credit.features().columns().get(DemoExpectations.EXPECTED_COLUMN).expect()).isPresent();
        assertThat(credit.alerts().to()).contains(List.of("credit-ml@example.com"));
    }

    @Test
    void theFraudPolicyTriggersOnASingleDriftedWindowAndMailsTheFraudTeam() throws Exception {
        ModelPolicy fraud = PolicyDocument.read(BundledData.copy(DemoPolicies.FRAUD_FILE, directory)).policy();

        assertThat(fraud.model()).isEqualTo(FraudTraffic.MODEL);
        assertThat(fraud.triggers().datasetDrift()).hasValueSatisfying(rule -> assertThat(rule.consecutive()).hasValue(1));
        assertThat(fraud.alerts().to()).contains(List.of("fraud-team@example.com"));
    }
}
