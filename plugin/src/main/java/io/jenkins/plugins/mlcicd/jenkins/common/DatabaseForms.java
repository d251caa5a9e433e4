package io.jenkins.plugins.mlcicd.jenkins.common;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The form support of the database source, shared by the steps' and the builders' descriptors (their
 * {@code @POST} methods call these). A user who may not configure the item sees no credentials but the
 * one already selected, and gets no answer from checks.
 */
public final class DatabaseForms {
    private DatabaseForms() {
    }

    public static ListBoxModel credentialsItems(Item item, String credentialsId) {
        String current = credentialsId == null ? "" : credentialsId;
        if (!FormChecks.mayConfigure(item)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        if (item == null) {
            model.includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class);
        } else {
            model.includeAs(listingAuthentication(item), item, StandardUsernamePasswordCredentials.class);
        }
        model.includeCurrentValue(current);
        return model;
    }

    /**
     * Whose credentials a job's form lists: the authentication its builds run as
     * ({@code CredentialsProvider.findCredentialById} resolves for the build as that), so a user sees
     * only what will resolve. Only an item that is no task (nothing builds it) falls back to SYSTEM;
     * Jenkins-level forms (item null) are for administrators and list as SYSTEM.
     */
    static Authentication listingAuthentication(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** {@code data} is required unless {@code jdbc} is given, and both cannot be. */
    public static FormValidation checkData(Item item, String data, String jdbc) {
        return checkFilesOrJdbc(item, data, jdbc, "data");
    }

    /**
     * A step's files field ({@code what}: {@code data}, {@code predictions}) is required unless
     * {@code jdbc} is given, and both cannot be.
     */
    public static FormValidation checkFilesOrJdbc(Item item, String data, String jdbc, String what) {
        if (!FormChecks.mayConfigure(item)) {
            return FormValidation.ok();
        }
        boolean hasData = data != null && !data.isBlank();
        boolean hasJdbc = jdbc != null && !jdbc.isBlank();
        if (hasData && hasJdbc) {
            return FormValidation.error("Give either the " + what + " or a JDBC URL, not both");
        }
        return hasData || hasJdbc ? FormValidation.ok() : FormValidation.error("The " + what + " (or a JDBC URL) is required");
    }

    public static FormValidation checkJdbc(Item item, String value) {
        if (!FormChecks.mayConfigure(item) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String problem = DatabaseSource.urlProblem(value.strip());
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}
