package io.driftwatch.schemas.wire;

/**
 * Where the parts of one Confluent-framed value lie, without copying its bytes: the schema id read from
 * the header, and the offset and length of the payload in the array that was unframed. Positions rather
 * than a copy, because the payload goes straight to an Avro decoder that reads from an array slice.
 *
 * @param schemaId      the writer schema's id in the registry
 * @param payloadOffset index of the payload's first byte in the unframed array (always 5)
 * @param payloadLength number of payload bytes; 0 is legal (a record with no fields)
 */
public record ConfluentFrame(int schemaId, int payloadOffset, int payloadLength) {
    public ConfluentFrame {
        if (payloadOffset < 0)
            throw new IllegalArgumentException("payloadOffset " + payloadOffset + " must not be negative");
        if (payloadLength < 0)
            throw new IllegalArgumentException("payloadLength " + payloadLength + " must not be negative");
    }
}
