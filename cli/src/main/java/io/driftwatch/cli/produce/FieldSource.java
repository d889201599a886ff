package io.driftwatch.cli.produce;

import static java.util.Objects.requireNonNull;

/** Where one field of a produced record comes from: a column of the file, a constant option, or generated per row. */
sealed interface FieldSource permits FieldSource.Column, FieldSource.Constant, FieldSource.Generated {

    record Column(String name) implements FieldSource {
        public Column {
            requireNonNull(name, "name");
        }
    }

    record Constant(String value) implements FieldSource {
        public Constant {
            requireNonNull(value, "value");
        }
    }

    /** Made up per row: {@code <file>-<row>} for ids, the start time plus one millisecond per row for times. */
    record Generated() implements FieldSource {
    }
}
