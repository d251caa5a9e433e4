package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.FormNumbers;

/** The form support of the evaluation's fields, shared by the step's and the builder's descriptors ({@code @POST} methods call these). */
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
                FormNumbers.wholeNumber("field", value);
            } else {
                FormNumbers.decimal("field", value);
            }
            return FormValidation.ok();
        } catch (BadInputException e) {
            return FormValidation.error(e.getMessage().substring("field: ".length()));
        }
    }
}
