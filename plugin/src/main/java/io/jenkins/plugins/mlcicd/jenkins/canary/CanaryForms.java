package io.jenkins.plugins.mlcicd.jenkins.canary;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;

/**
 * The canary forms' checks, shared by the step's and the builder's descriptors. Like every form check
 * of the plugin: a user who may not configure the item gets no answer.
 */
final class CanaryForms {
    private CanaryForms() {
    }

    static FormValidation checkPlan(Item item, String plan, String planYaml) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        boolean file = plan != null && !plan.isBlank();
        boolean inline = planYaml != null && !planYaml.isBlank();
        if (file == inline) {
            return FormValidation.error(file ? "Give either a plan file or an inline plan, not both" : "A rollout plan is required (a file or inline)");
        }
        return FormValidation.ok();
    }

    static FormValidation checkVersion(Item item, String version, String model) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        try {
            new CanaryRequest(null, "x", OnResume.CONTINUE, model, version).validated(CanaryStep.FUNCTION_NAME);
            return FormValidation.ok();
        } catch (BadInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static ListBoxModel onResumeItems(Item item) {
        ListBoxModel items = new ListBoxModel();
        if (FormChecks.mayConfigure(item)) {
            items.add("continue: the rollout goes on where it was", OnResume.CONTINUE.value());
            items.add("rollback: move the traffic back and fail", OnResume.ROLLBACK.value());
        }
        return items;
    }
}
