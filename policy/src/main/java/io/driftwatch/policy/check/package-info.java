/** What makes a policy file valid: the JSON Schema, then the rules the schema cannot express. */
@NullMarked
package io.driftwatch.policy.check;

import org.jspecify.annotations.NullMarked;
