/**
 * The catalogue of malformed inputs that driftwatch must dead-letter ({@link io.driftwatch.schemas.format.corpus.MalformedCorpus}),
 * used by the decoder and ingest tests and by {@code driftwatch chaos}.
 */
@NullMarked
package io.driftwatch.schemas.format.corpus;

import org.jspecify.annotations.NullMarked;
