package io.driftwatch.policy.yaml;

/**
 * Where a key or value starts in a YAML file, 1-based as editors count.
 */
public record Position(int line, int column) {
    /** For a problem of the whole file, such as an empty one. */
    public static final Position FILE = new Position(0, 0);
}
