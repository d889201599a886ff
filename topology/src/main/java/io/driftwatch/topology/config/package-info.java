/** Driftwatch's one typed configuration: every key, its default and its validation, in one ConfigDef. */
@NullMarked
package io.driftwatch.topology.config;

import org.jspecify.annotations.NullMarked;
