package io.driftwatch.policy;

import io.driftwatch.policy.check.PolicyRules;
import io.driftwatch.policy.check.PolicySchema;
import io.driftwatch.policy.yaml.LocatedTree;
import io.driftwatch.policy.yaml.LocatedYamlReader;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One validated policy file: where it came from, its located tree (for provenance), the typed policy, and its
 * content id. The only way to get one is through validation ({@link #parse}, {@link #read}), so a
 * {@code PolicyDocument} is always a policy the service can apply.
 */
public record PolicyDocument(String source, LocatedTree tree, ModelPolicy policy, PolicyId id) {
    public PolicyDocument {
        requireNonNull(source, "source");
        requireNonNull(tree, "tree");
        requireNonNull(policy, "policy");
        requireNonNull(id, "id");
    }

    /**
     * Validates {@code yamlText}: its YAML, then its structure against the schema, then the rules the schema cannot
     * express (those only once the structure is right, since they read it).
     *
     * @param source the file's name as problems name it
     * @throws PolicyException with every problem found, each with its line and column
     */
    public static PolicyDocument parse(String source, String yamlText) throws PolicyException {
        LocatedTree tree = LocatedYamlReader.read(source, yamlText);
        List<PolicyProblem> problems = PolicySchema.check(tree);
        if (problems.isEmpty()) {
            problems = PolicyRules.check(tree);
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new PolicyDocument(source, tree, PolicyBinder.bind(tree.root()), PolicyId.of(tree.root()));
    }

    /**
     * Reads and validates the file at {@code path}, named in problems as the user wrote it.
     *
     * @throws PolicyException when the file is missing or unreadable, or invalid
     */
    public static PolicyDocument read(Path path) throws PolicyException {
        String source = path.toString();
        try {
            return parse(source, Files.readString(path, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw fileProblem(source, "no such file; check the path", e);
        } catch (CharacterCodingException e) {
            throw fileProblem(source, "not UTF-8 text; save the policy as UTF-8", e);
        } catch (IOException e) {
            throw fileProblem(source, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads and validates every file at {@code paths}, in order.
     *
     * @throws PolicyException with every problem of every file
     */
    public static List<PolicyDocument> readAll(List<Path> paths) throws PolicyException {
        List<PolicyDocument> documents = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            try {
                documents.add(read(path));
            } catch (PolicyException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return documents;
    }

    private static PolicyException fileProblem(String source, String message, IOException cause) {
        return new PolicyException(List.of(new PolicyProblem(source, 0, 0, message)), cause);
    }
}
