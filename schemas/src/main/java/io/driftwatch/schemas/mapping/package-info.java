/**
 * Where each field of driftwatch's records lives in a user's own record shape: field paths, constants,
 * the Kafka record timestamp, and the ways features are gathered (a map, listed fields, a name prefix, or
 * everything left over), parsed from {@code driftwatch.mapping.*} properties.
 */
@NullMarked
package io.driftwatch.schemas.mapping;

import org.jspecify.annotations.NullMarked;
