/**
 * Model quality in {@code check}: the quality of a labelled file, or of some of its rows (a chunk), through the
 * stream's own quality tally ({@code LabelledFileQuality}), the request the options make ({@link
 * io.driftwatch.cli.quality.QualityRequest}), and its rendering in the JSON, table and HTML reports.
 */
@NullMarked
package io.driftwatch.cli.quality;

import org.jspecify.annotations.NullMarked;
