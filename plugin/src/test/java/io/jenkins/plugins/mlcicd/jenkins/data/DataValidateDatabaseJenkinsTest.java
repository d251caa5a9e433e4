package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * mlDataValidate with its data in a database, in a running Jenkins (only under -Pjenkins: the name ends
 * in JenkinsTest). The database is a DuckDB file on the built-in node, read by the engine's own JDBC
 * driver in its child JVM; DuckDB accepts and ignores a login, so the credential's whole path (lookup,
 * tracking, environment) runs, and the password must show up nowhere.
 */
@WithJenkins
class DataValidateDatabaseJenkinsTest {
    private static final String PASSWORD = "s3cret-db-password";

    @TempDir
    Path tmp;

    /** A DuckDB file with the tables {@code train} and {@code shifted} (DataFixtures' data); its JDBC URL. */
    private String database() throws Exception {
        Path train = Files.writeString(tmp.resolve("train.csv"), DataFixtures.TRAIN);
        Path shifted = Files.writeString(tmp.resolve("shifted.csv"), DataFixtures.SHIFTED);
        String url = "jdbc:duckdb:" + tmp.resolve("features.duckdb");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE train AS SELECT * FROM read_csv('" + train + "')");
            statement.execute("CREATE TABLE shifted AS SELECT * FROM read_csv('" + shifted + "')");
        }
        return url;
    }

    private static UsernamePasswordCredentialsImpl login(JenkinsRule r) throws Exception {
        UsernamePasswordCredentialsImpl credentials =
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "db", "feature store reader", "reader", PASSWORD);
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(), credentials);
        return credentials;
    }

    private static WorkflowJob pipeline(JenkinsRule r, String arguments) throws Exception {
        DataValidateStepJenkinsTest.useThisJava(r);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'ml/contract.yaml', text: '''%s'''
                  writeFile file: 'ref.csv', text: '''%s'''
                  def result = mlDataValidate(%s)
                  echo "verdict=${result.verdict}"
                }
                """.formatted(DataFixtures.CONTRACT, DataFixtures.TRAIN, arguments), true));
        return job;
    }

    private static void assertNoSecret(JenkinsRule r, WorkflowRun run) throws IOException {
        r.assertLogNotContains(PASSWORD, run);
        Path result = run.getRootDir().toPath().resolve("mlcicd/data-validation/data/result.json");
        assertThat(Files.readString(result)).doesNotContain(PASSWORD, "reader");
        assertThat(Files.readString(run.getRootDir().toPath().resolve("build.xml"))).doesNotContain(PASSWORD);
    }

    @Test
    void tableWithACredentialAndTheKeptProfileAsReference(JenkinsRule r) throws Exception {
        String url = database();
        UsernamePasswordCredentialsImpl credentials = login(r);
        WorkflowJob job = pipeline(r, "contract: 'ml/contract.yaml', jdbc: '" + url
                + "', table: 'train', credentialsId: 'db', reference: 'lastSuccessful'");

        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("verdict=INCONCLUSIVE", first);
        r.assertLogContains("--jdbc=" + url + " --table=train", first);
        r.assertLogContains("as the user of credential 'db'", first);
        assertNoSecret(r, first);
        assertThat(first.getAction(DataValidationAction.class).getData()).isEqualTo(url + " table train");
        assertThat(CredentialsProvider.getFingerprintOf(credentials)).as("the credential's use is tracked").isNotNull();

        WorkflowRun second = r.buildAndAssertStatus(Result.SUCCESS, job);
        r.assertLogContains("reference: the profile kept by p #1", second);
        assertNoSecret(r, second);
    }

    @Test
    void queryWithoutCredentialAgainstReferenceData(JenkinsRule r) throws Exception {
        String url = database();
        WorkflowJob job = pipeline(r, "contract: 'ml/contract.yaml', jdbc: '" + url
                + "', query: 'SELECT amount, country FROM shifted', reference: 'ref.csv'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("--query=SELECT amount, country FROM shifted --reference=ref.csv", run);
        r.assertLogContains("FAILED amount.drift", run);
    }

    @Test
    void argumentErrorsAreOneLine(JenkinsRule r) throws Exception {
        String url = database();
        WorkflowJob both = pipeline(r, "contract: 'ml/contract.yaml', data: 'd.csv', jdbc: '" + url + "', table: 'train'");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, both);
        r.assertLogContains("mlDataValidate: give either data (a workspace path) or jdbc (a database), not both", run);
        r.assertLogNotContains("\tat io.jenkins", run);

        both.setDefinition(new CpsFlowDefinition(
                "node { mlDataValidate(contract: 'c.yaml', jdbc: '" + url + "', table: 'train', credentialsId: 'nope') }", true));
        WorkflowRun missing = r.buildAndAssertStatus(Result.FAILURE, both);
        r.assertLogContains("mlDataValidate: credentialsId: no username-with-password credential 'nope'", missing);

        both.setDefinition(new CpsFlowDefinition(
                "node { mlDataValidate(contract: 'c.yaml', jdbc: 'jdbc:postgresql://reader:" + PASSWORD + "@db/x', table: 't') }", true));
        WorkflowRun inUrl = r.buildAndAssertStatus(Result.FAILURE, both);
        r.assertLogContains("the URL must not hold a password", inUrl);
        r.assertLogNotContains(PASSWORD, inUrl);
    }

    /** Writes the contract into a freestyle workspace. */
    private static final class WriteContract extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("ml/contract.yaml").write(DataFixtures.CONTRACT, "UTF-8");
            return true;
        }
    }

    @Test
    void freestyleExpandsVariablesInTheSource(JenkinsRule r) throws Exception {
        String url = database();
        login(r);
        DataValidateStepJenkinsTest.useThisJava(r);
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry("FEATURES_DB", url), new EnvironmentVariablesNodeProperty.Entry("TABLE", "train")));
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WriteContract());
        DataValidateBuilder validate = new DataValidateBuilder("ml/contract.yaml");
        validate.setJdbc("$FEATURES_DB");
        validate.setTable("${TABLE}");
        validate.setCredentialsId("db");
        project.getBuildersList().add(validate);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogContains("--jdbc=" + url + " --table=train", build);
        r.assertLogNotContains(PASSWORD, build);
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        login(r);
        FreeStyleProject project = r.createFreeStyleProject("f");
        DataValidateBuilder validate = new DataValidateBuilder("ml/contract.yaml");
        validate.setJdbc("jdbc:postgresql://db:5432/features");
        validate.setQuery("SELECT * FROM orders");
        validate.setCredentialsId("db");
        validate.setReference("lastSuccessful");
        project.getBuildersList().add(validate);

        r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(validate, project.getBuildersList().get(DataValidateBuilder.class));
    }

    private static List<String> ids(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void aJobsCredentialListShowsWhatItsBuildsCanUse(JenkinsRule r) throws Exception {
        login(r);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy().grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        DataValidateStep.DescriptorImpl descriptor = r.jenkins.getDescriptorByType(DataValidateStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            // builds run as SYSTEM: the global credential resolves, so it is listed
            assertThat(ids(descriptor.doFillCredentialsIdItems(job, ""))).contains("db");

            // builds run as alice, who cannot use the global credential: it is not offered
            QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                    .add(new MockQueueItemAuthenticator().authenticate("p", User.getById("alice", true).impersonate2()));
            assertThat(ids(descriptor.doFillCredentialsIdItems(job, ""))).doesNotContain("db");
        }
    }
}
