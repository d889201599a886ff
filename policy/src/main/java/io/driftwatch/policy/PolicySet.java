package io.driftwatch.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.policy.layer.LayerMerge;
import io.driftwatch.policy.layer.PolicyLayer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The policies a service or command knows, and the precedence that turns them into one model version's
 * {@link EffectivePolicy}: the caller's defaults layer, then the {@code *} policy, then the model's
 * {@code versions: "*"} policy, then the model's policy whose {@code versions} list names the version. Each
 * (model, version) pair has at most one policy, so which value wins never depends on the order files were given in.
 */
public final class PolicySet {
    private final List<PolicyDocument> documents;
    private final Map<String, PolicyDocument> byModelVersion;

    private PolicySet(List<PolicyDocument> documents, Map<String, PolicyDocument> byModelVersion) {
        this.documents = List.copyOf(documents);
        this.byModelVersion = Map.copyOf(byModelVersion);
    }

    /**
     * @throws PolicyException naming both files when two policies are for the same model and version
     */
    public static PolicySet of(List<PolicyDocument> documents) throws PolicyException {
        Map<String, PolicyDocument> byModelVersion = new HashMap<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (PolicyDocument document : documents) {
            ModelPolicy policy = document.policy();
            List<String> versions = policy.versions().isEmpty() ? List.of(ModelPolicy.ANY) : policy.versions();
            for (String version : versions) {
                PolicyDocument earlier = byModelVersion.putIfAbsent(key(policy.model(), version), document);
                if (earlier != null) {
                    problems.add(new PolicyProblem(document.source(), document.tree().keyPosition("/model").line(),
                            document.tree().keyPosition("/model").column(), "model " + policy.model() + ", version "
                            + version + " already has a policy in " + earlier.source() + "; keep one of the two"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new PolicySet(documents, byModelVersion);
    }

    public List<PolicyDocument> documents() {
        return documents;
    }

    /**
     * The policy of {@code model} at {@code version} (empty: the policy of every version), on top of {@code defaults}.
     */
    public EffectivePolicy effective(String model, Optional<String> version, PolicyLayer defaults) {
        requireNonNull(model, "model");
        List<PolicyLayer> layers = new ArrayList<>();
        layers.add(defaults);
        layer(ModelPolicy.ANY, ModelPolicy.ANY).ifPresent(layers::add);
        if (!ModelPolicy.ANY.equals(model)) {
            layer(model, ModelPolicy.ANY).ifPresent(layers::add);
            version.flatMap(name -> layer(model, name)).ifPresent(layers::add);
        }
        String name = model + version.map(v -> " " + v).orElse("");
        return EffectivePolicy.of(model, version, withIdentity(LayerMerge.merge(name, layers), model, version));
    }

    /** The merged tree names the model and version it is the policy of; no layer's own {@code model} is kept. */
    private static PolicyLayer withIdentity(PolicyLayer merged, String model, Optional<String> version) {
        ObjectNode tree = merged.tree().deepCopy();
        ObjectNode named = tree.objectNode().put("model", model);
        version.ifPresent(name -> named.putArray("versions").add(name));
        named.setAll(tree);
        return new PolicyLayer(merged.name(), named, merged.sources());
    }

    private Optional<PolicyLayer> layer(String model, String version) {
        return Optional.ofNullable(byModelVersion.get(key(model, version))).map(document -> PolicyLayer.of(document.tree()));
    }

    private static String key(String model, String version) {
        return model + '\u0000' + version;
    }
}
