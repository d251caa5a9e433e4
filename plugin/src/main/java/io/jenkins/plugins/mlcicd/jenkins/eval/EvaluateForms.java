package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;

/**
 * The form support and the text-to-number reading of the evaluation's fields, shared by the step's and
 * the builder's descriptors ({@code @POST} methods call these) and by the builder, whose number fields
 * are text so that they may hold the build's {@code $VARIABLES}.
 */
final class EvaluateForms {
    private EvaluateForms() {
    }

    /** The task choices; none for a user who may not configure the item (the rule for every fill method). */
    static ListBoxModel taskItems(Item item) {
        ListBoxModel items = new ListBoxModel();
        if (!FormChecks.mayConfigure(item)) {
            return items;
        }
        items.add("binary (score = probability of label 1)", "binary");
        items.add("regression (score = the prediction)", "regression");
        return items;
    }

    /** A form check of a number field: empty is the default; anything else must read as {@code reader} reads it. */
    static FormValidation checkNumber(Item item, String value, boolean whole) {
        if (!FormChecks.mayConfigure(item) || value == null || value.isBlank() || value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            if (whole) {
                wholeNumber("field", value);
            } else {
                decimal("field", value);
            }
            return FormValidation.ok();
        } catch (BadInputException e) {
            return FormValidation.error(e.getMessage().substring("field: ".length()));
        }
    }

    /** A decimal number field; null when empty. */
    static Double decimal(String field, String text) {
        String value = EvaluateRequest.trimmed(text);
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

    /** A whole number field; null when empty. */
    static Long wholeNumber(String field, String text) {
        String value = EvaluateRequest.trimmed(text);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadInputException(field + ": expected a whole number such as 200, was '" + value + "'");
        }
    }

    /** A whole number field that must fit an int (counts); null when empty. */
    static Integer count(String field, String text) {
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
