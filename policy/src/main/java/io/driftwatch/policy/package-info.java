/** The per-model monitoring policy: format, validation, precedence, provenance and content id. */
@NullMarked
package io.driftwatch.policy;

import org.jspecify.annotations.NullMarked;
