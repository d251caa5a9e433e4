package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.input.BadInputException;

/**
 * Reads the number fields of freestyle build steps, which are text so that they may hold the build's
 * {@code $VARIABLES}: read when the build runs, an empty field is the default (null), anything else
 * must be a number; the error names the field in one line.
 */
public final class FormNumbers {
    private FormNumbers() {
    }

    /** A decimal number; null when empty. */
    public static Double decimal(String field, String text) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(field + ": expected a number such as 0.5, was '" + value + "'");
    }

    /** A whole number; null when empty. */
    public static Long wholeNumber(String field, String text) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(field + ": expected a whole number such as 200, was '" + value + "'");
        }
    }

    /** A whole number that fits an int (counts); null when empty. */
    public static Integer count(String field, String text) {
        Long value = wholeNumber(field, text);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadInputException(field + ": " + value + " is too large");
        }
        return value.intValue();
    }
}
