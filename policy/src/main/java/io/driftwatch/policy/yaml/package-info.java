/** YAML read into a JSON tree that remembers the line and column of every key and value, by JSON Pointer. */
@NullMarked
package io.driftwatch.policy.yaml;

import org.jspecify.annotations.NullMarked;
