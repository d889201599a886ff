/**
 * The Confluent wire format: a magic byte 0, the writer schema's registry id as a 4-byte big-endian int,
 * then the Avro binary payload. Framing is kept apart from decoding so that a malformed header is
 * reported (and dead-lettered) before any registry call is made for it.
 */
@NullMarked
package io.driftwatch.schemas.wire;

import org.jspecify.annotations.NullMarked;
