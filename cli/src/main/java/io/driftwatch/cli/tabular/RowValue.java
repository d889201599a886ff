package io.driftwatch.cli.tabular;

import org.jspecify.annotations.Nullable;

import static java.util.Objects.requireNonNull;

/**
 * One field of a {@link Row}, typed by the reading rules of its file, so every command that turns rows into
 * records types a value the same way. CSV has no types, so a field is {@link Missing} when blank,
 * {@link Numeric} when it is a decimal number, {@link Bool} when it is {@code true} or {@code false} (any
 * case), else {@link Text}. JSON Lines keeps JSON's types: a number is {@link Numeric}, a string is
 * {@link Text} whatever it looks like, {@code null} or an absent key is {@link Missing}. In a column
 * {@link RowReader} was given a type for, a value {@code check} counts as missing there is {@link Missing} too
 * ({@code NaN} or {@code NA} in a numeric column, an empty JSON string).
 */
public sealed interface RowValue permits RowValue.Numeric, RowValue.Bool, RowValue.Text, RowValue.Missing {

    /** The value as the file spells it (a JSON number as written, {@code 1e3} stays {@code 1e3}); empty when missing. */
    String text();

    /** The value as an inference's feature: a Double, a Boolean, a String, or null when missing. */
    default @Nullable Object featureValue() {
        if (this instanceof Numeric number) {
            return number.value();
        } else if (this instanceof Bool flag) {
            return flag.value();
        } else if (this instanceof Text text) {
            return text.text();
        }
        return null;
    }

    /** A number, with its spelling kept for values read as text (ids, times). */
    record Numeric(double value, String text) implements RowValue {
        public Numeric {
            requireNonNull(text, "text");
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements RowValue {
        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    /** Any other value. */
    record Text(String text) implements RowValue {
        public Text {
            requireNonNull(text, "text");
        }
    }

    /** A blank CSV field, a JSON {@code null}, a key a JSON line does not have, or a missing value of a typed column. */
    record Missing() implements RowValue {
        /** The one instance; the type carries no state. */
        public static final Missing VALUE = new Missing();

        @Override
        public String text() {
            return "";
        }
    }
}
