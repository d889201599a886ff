package io.driftwatch.alerts;

import io.driftwatch.policy.layer.PolicyLayer;
import org.apache.kafka.common.config.AbstractConfig;

import java.util.List;
import java.util.Map;

/**
 * The alerts process's settings as a layer of every model's policy: today's recipients and rate limit, labelled with
 * their property keys, so a model whose policy names no recipients is mailed as before. Read with the alerts'
 * definitions alone (not {@link AlertsConfig}, which also insists on an SMTP setup), so {@code policy show} can show
 * them from any configuration file.
 */
public final class AlertsPolicyDefaults {
    private AlertsPolicyDefaults() {
    }

    /**
     * @param properties the alerts process's configuration, as for {@link AlertsConfig}
     * @throws org.apache.kafka.common.config.ConfigException when a value there is not valid
     */
    public static PolicyLayer layer(Map<?, ?> properties) {
        AbstractConfig parsed = new AbstractConfig(AlertsConfig.CONFIG_DEF, properties, false);
        PolicyLayer.Builder layer = PolicyLayer.builder("alerts defaults")
                .put("alerts.rate_per_hour", parsed.getInt(AlertsConfig.RATE_LIMIT_CONFIG), AlertsConfig.RATE_LIMIT_CONFIG);
        List<String> recipients = parsed.getList(AlertsConfig.TO_CONFIG);
        if (!recipients.isEmpty()) {
            layer.put("alerts.to", recipients, AlertsConfig.TO_CONFIG);
        }
        return layer.build();
    }
}
