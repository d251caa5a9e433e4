package io.jenkins.plugins.mlcicd.jenkins.train;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.MlflowAuth;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → "ML CI/CD model registry": where {@code mlTrain} registers models. Registry
 * writes happen on the controller and carry metadata only (version, digest, metrics, lineage, where
 * the bytes are); model bytes stay where the user keeps them. MLflow's credential is a secret-text
 * bearer token or a username/password for HTTP Basic (MLflow's basic-auth app), looked up in Jenkins' own (system) context: the registry is configured for all jobs
 * by an administrator, and its use is tracked on each build that registers a model.
 */
@Extension
@Symbol("mlcicd")
public final class RegistryConfiguration extends GlobalConfiguration {
    private String registryType = RegistrySettings.NONE;
    private String filePath;
    private String mlflowUrl;
    private String credentialsId;

    public RegistryConfiguration() {
        load();
    }

    public static RegistryConfiguration get() {
        return ExtensionList.lookupSingleton(RegistryConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "ML CI/CD model registry";
    }

    public String getRegistryType() {
        return registryType;
    }

    @DataBoundSetter
    public void setRegistryType(String registryType) {
        this.registryType = new RegistrySettings(registryType, null, null, null).type();
        save();
    }

    public String getFilePath() {
        return filePath;
    }

    @DataBoundSetter
    public void setFilePath(String filePath) {
        this.filePath = filePath == null || filePath.isBlank() ? null : filePath.strip();
        save();
    }

    public String getMlflowUrl() {
        return mlflowUrl;
    }

    @DataBoundSetter
    public void setMlflowUrl(String mlflowUrl) {
        this.mlflowUrl = mlflowUrl == null || mlflowUrl.isBlank() ? null : mlflowUrl.strip();
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId.strip();
        save();
    }

    public RegistrySettings settings() {
        return new RegistrySettings(registryType, filePath, mlflowUrl, credentialsId);
    }

    /**
     * The registry a build registers into; its credential's use is recorded on the build.
     *
     * @throws BadInputException when none is configured, or the credential is missing
     */
    public ModelRegistry openFor(Run<?, ?> run) {
        RegistrySettings settings = settings();
        return settings.openWith(auth(settings, run));
    }

    /** The registry for reading (the ML Models page), or null when none is configured. */
    public ModelRegistry openForReading() {
        RegistrySettings settings = settings();
        return settings.isConfigured() ? settings.openWith(auth(settings, null)) : null;
    }

    /** The credential as MLflow authentication: secret text → bearer token, username/password → HTTP Basic. */
    private static MlflowAuth auth(RegistrySettings settings, Run<?, ?> run) {
        if (!RegistrySettings.MLFLOW.equals(settings.type()) || settings.credentialsId() == null) {
            return MlflowAuth.none();
        }
        StringCredentials token = CredentialsProvider.findCredentialByIdInItemGroup(settings.credentialsId(),
                StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (token != null) {
            if (run != null) {
                CredentialsProvider.track(run, token);
            }
            return MlflowAuth.bearer(() -> token.getSecret().getPlainText());
        }
        StandardUsernamePasswordCredentials basic = CredentialsProvider.findCredentialByIdInItemGroup(settings.credentialsId(),
                StandardUsernamePasswordCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        if (basic == null) {
            throw new BadInputException("registry: the MLflow credential '" + settings.credentialsId()
                    + "' does not exist or is neither a secret text nor a username with password; check the ML CI/CD model registry configuration");
        }
        if (run != null) {
            CredentialsProvider.track(run, basic);
        }
        return MlflowAuth.basic(basic::getUsername, () -> basic.getPassword().getPlainText());
    }

    @POST
    public ListBoxModel doFillRegistryTypeItems() {
        ListBoxModel items = new ListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return items;
        }
        items.add("None: mlTrain registers nothing", RegistrySettings.NONE);
        items.add("File registry: a directory on the controller", RegistrySettings.FILE);
        items.add("MLflow Model Registry", RegistrySettings.MLFLOW);
        return items;
    }

    @POST
    public FormValidation doCheckFilePath(@QueryParameter String value, @QueryParameter String registryType) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER) || !RegistrySettings.FILE.equals(registryType)) {
            return FormValidation.ok();
        }
        String problem = RegistrySettings.filePathProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    @POST
    public FormValidation doCheckMlflowUrl(@QueryParameter String value, @QueryParameter String registryType) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER) || !RegistrySettings.MLFLOW.equals(registryType)) {
            return FormValidation.ok();
        }
        String problem = RegistrySettings.mlflowUrlProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String registryType) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER) || !RegistrySettings.MLFLOW.equals(registryType)
                || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        boolean found = CredentialsProvider.findCredentialByIdInItemGroup(value.strip(), StringCredentials.class,
                Jenkins.get(), ACL.SYSTEM2, List.of()) != null
                || CredentialsProvider.findCredentialByIdInItemGroup(value.strip(), StandardUsernamePasswordCredentials.class,
                Jenkins.get(), ACL.SYSTEM2, List.of()) != null;
        return found ? FormValidation.ok() : FormValidation.error("no secret-text or username/password credential with this ID");
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId == null ? "" : credentialsId);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class)
                .includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(credentialsId == null ? "" : credentialsId);
    }
}
