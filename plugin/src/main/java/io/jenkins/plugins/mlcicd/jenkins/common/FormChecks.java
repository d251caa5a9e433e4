package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Item;
import hudson.util.FormValidation;
import jenkins.model.Jenkins;

/**
 * Form validation shared by the ML steps' descriptors. Callers are {@code @POST doCheck*} methods;
 * a user who may not configure the item gets no answer ({@code ok}), so nothing leaks.
 */
public final class FormChecks {
    private FormChecks() {
    }

    public static FormValidation checkId(Item item, String value) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String problem = StepOptions.idProblem(value == null ? "" : value.strip());
        return problem == null || value == null || value.isBlank() ? FormValidation.ok() : FormValidation.error(problem);
    }

    public static FormValidation checkRequired(Item item, String value, String what) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        return value == null || value.isBlank() ? FormValidation.error(what + " is required") : FormValidation.ok();
    }

    /** Whether the current user may configure the item (Jenkins itself when null): who gets answers from forms. */
    public static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }
}
