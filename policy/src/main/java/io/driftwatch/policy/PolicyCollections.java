package io.driftwatch.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep the order a policy lists tests and columns in, which reports follow. */
final class PolicyCollections {
    private PolicyCollections() {
    }

    static <V> Map<String, V> orderedCopy(Map<String, V> entries) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
