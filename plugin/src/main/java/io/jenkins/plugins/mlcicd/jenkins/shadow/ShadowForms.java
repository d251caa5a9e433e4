package io.jenkins.plugins.mlcicd.jenkins.shadow;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The form support of {@code mlShadowEval}, shared by the step's, the builder's and the endpoint's
 * descriptors (their {@code @POST} methods call these). A user who may not configure the item sees no
 * credentials but the one already selected, and gets no answer from checks.
 */
final class ShadowForms {
    private ShadowForms() {
    }

    /** Secret texts and usernames with passwords: the kinds an endpoint turns into a header. */
    static ListBoxModel credentialsItems(Item item, String credentialsId) {
        String current = credentialsId == null ? "" : credentialsId;
        if (!FormChecks.mayConfigure(item)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        if (item == null) {
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class);
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class);
        } else {
            model.includeAs(ACL.SYSTEM2, item, StringCredentials.class);
            model.includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class);
        }
        model.includeCurrentValue(current);
        return model;
    }

    /** Each line {@code Name: value}. */
    static FormValidation checkHeaders(Item item, String value) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        for (String line : ShadowRequest.lines(value)) {
            String problem = ShadowRequest.headerProblem(line);
            if (problem != null) {
                return FormValidation.error(problem);
            }
        }
        return FormValidation.ok();
    }

    /** A replay or prediction logs, not both, not neither. */
    static FormValidation checkSource(Item item, String requests, String baselineLog) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        boolean replay = requests != null && !requests.isBlank();
        boolean logs = baselineLog != null && !baselineLog.isBlank();
        if (replay && logs) {
            return FormValidation.error("Give either a request log to replay or prediction logs, not both");
        }
        return replay || logs ? FormValidation.ok()
                : FormValidation.error("A request log to replay (or, below, the prediction logs of both models) is required");
    }
}
