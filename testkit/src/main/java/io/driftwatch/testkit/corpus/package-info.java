/**
 * The catalogue of malformed inputs that driftwatch must dead-letter ({@link io.driftwatch.testkit.corpus.MalformedCorpus}),
 * used by the decoder and ingest tests and by {@code driftwatch chaos}.
 */
@NullMarked
package io.driftwatch.testkit.corpus;

import org.jspecify.annotations.NullMarked;
