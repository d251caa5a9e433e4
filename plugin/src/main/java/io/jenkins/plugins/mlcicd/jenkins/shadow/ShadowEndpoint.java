package io.jenkins.plugins.mlcicd.jenkins.shadow;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One model server of a replay, {@code baseline} or {@code candidate}: in Pipeline the map
 * {@code [url: 'http://…/predict', credentialsId: 'token', headers: 'X-Tenant: acme']}, in the freestyle
 * form a nested section. {@link Describable} directly (not the deprecated {@code AbstractDescribableImpl}):
 * since Jenkins 2.505 {@code getDescriptor()} is the interface's default method.
 */
public final class ShadowEndpoint implements Describable<ShadowEndpoint> {
    private final String url;
    private String credentialsId;
    private String headers;

    /** @param url where each request body is POSTed, e.g. {@code http://model-a:8080/predict} */
    @DataBoundConstructor
    public ShadowEndpoint(String url) {
        this.url = ShadowRequest.trimmed(url);
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A secret-text credential (sent as {@code Authorization: Bearer}) or a username with password ({@code Basic}). */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = ShadowRequest.trimmed(credentialsId);
    }

    public String getHeaders() {
        return headers;
    }

    /** Extra request headers for this server only, one {@code Name: value} per line. */
    @DataBoundSetter
    public void setHeaders(String headers) {
        this.headers = ShadowRequest.trimmed(headers);
    }

    /** The request's view of this endpoint; an endpoint with nothing filled in (an empty form section) is none. */
    ShadowRequest.Endpoint endpoint(UnaryOperator<String> expand) {
        if (url == null && credentialsId == null && headers == null) {
            return null;
        }
        return new ShadowRequest.Endpoint(expand.apply(url), credentialsId, ShadowRequest.lines(headers));
    }

    @Override
    public String toString() {
        return "endpoint " + url + (credentialsId == null ? "" : " with credential '" + credentialsId + "'");
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<ShadowEndpoint> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Model endpoint";
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormChecks.mayConfigure(item) || value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            String problem = ShadowRequest.urlProblem(value.strip());
            return problem == null ? FormValidation.ok() : FormValidation.error(problem);
        }

        @POST
        public FormValidation doCheckHeaders(@AncestorInPath Item item, @QueryParameter String value) {
            return ShadowForms.checkHeaders(item, value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return ShadowForms.credentialsItems(item, credentialsId);
        }
    }
}
