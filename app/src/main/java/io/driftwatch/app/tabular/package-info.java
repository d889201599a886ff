/**
 * Reading CSV and JSON Lines files into columns for {@code check} and {@code baseline}: fast enough for
 * millions of rows, strict enough that a bad value is reported with its file, line and column.
 */
@NullMarked
package io.driftwatch.app.tabular;

import org.jspecify.annotations.NullMarked;
