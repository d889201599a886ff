/**
 * Reading CSV, JSON Lines (either gzipped or not) and Parquet files: into columns for {@code check} and {@code baseline} ({@link
 * io.driftwatch.cli.tabular.TableReader}), or row by row for {@code produce} ({@link
 * io.driftwatch.cli.tabular.RowReader}). Fast enough for millions of rows, strict enough that a bad value
 * is reported with its file, line and column.
 */
@NullMarked
package io.driftwatch.cli.tabular;

import org.jspecify.annotations.NullMarked;
