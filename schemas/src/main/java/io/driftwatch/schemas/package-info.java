/**
 * Everything that turns bytes on a topic into driftwatch's records, or into a dead letter with a reason
 * a person understands: Avro records, the Confluent wire format and registry client, Avro single-object
 * encoding, JSON, and mappings from users' own record shapes.
 */
@NullMarked
package io.driftwatch.schemas;

import org.jspecify.annotations.NullMarked;
