/** Rendering a drift report for its two readers: JSON for programs, an aligned table for people. */
@NullMarked
package io.driftwatch.cli.report;

import org.jspecify.annotations.NullMarked;
