/**
 * Chunked {@code check}: how a file is cut into chunks as NannyML's size, count and period chunkers cut it
 * ({@link io.driftwatch.cli.chunk.Chunker}), each row's time read by the CLI's one time rule
 * ({@link io.driftwatch.cli.chunk.RowTimes}), and the options that choose the chunker and the threshold rule
 * ({@link io.driftwatch.cli.chunk.ChunkOptions}). docs/chunks.md states the rules.
 */
@NullMarked
package io.driftwatch.cli.chunk;

import org.jspecify.annotations.NullMarked;
