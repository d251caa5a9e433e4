package io.jenkins.plugins.mlcicd.jenkins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistryConfiguration;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistrySettings;
import io.jenkins.plugins.mlcicd.registry.AliasMove;
import io.jenkins.plugins.mlcicd.registry.ModelReference;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.Promotion;
import io.jenkins.plugins.mlcicd.registry.VersionDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * mlPromote in a running Jenkins with matrix-like security (only under -Pjenkins): who may promote,
 * who is recorded, and that a refusal moves nothing.
 */
@WithJenkins
class PromoteStepJenkinsTest {
    private static final String GATE_AND_PROMOTE = """
            node {
              writeFile file: 'gate.yaml', text: 'rules:\\n  - metric: auc\\n    atLeast: 0.8\\n'
              writeFile file: 'metrics.json', text: '{"auc": 0.9}'
              mlGate(policy: 'gate.yaml', candidate: 'metrics.json', id: 'gate')
              def promoted = mlPromote(model: 'fraud', fromAlias: 'candidate', gate: 'gate', reason: 'gate passed: auc 0.9')
              echo "promotion ${promoted.verdict}: ${promoted.summary}"
            }
            """;

    @TempDir
    Path registryDir;

    private JenkinsRule r;
    private ModelRegistry registry;

    @BeforeEach
    void securedJenkinsWithAFileRegistry(JenkinsRule rule) {
        r = rule;
        RegistryConfiguration config = RegistryConfiguration.get();
        config.setRegistryType(RegistrySettings.FILE);
        config.setFilePath(registryDir.toString());
        registry = config.openForReading();
        for (String sha : List.of("a".repeat(64), "b".repeat(64))) {
            registry.register("fraud", new VersionDraft(new ModelReference("s3://models/fraud.bin", sha, 42), Map.of(), null, "test", null));
        }
        registry.setAlias("fraud", "candidate", 2, new Promotion("test", "trained", null, null));

        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Computer.BUILD).everywhere().to("alice", "bob")
                .grant(RegistryPermissions.PROMOTE).everywhere().to("alice")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        User.getById("alice", true);
        User.getById("bob", true);
    }

    private WorkflowJob job() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition(GATE_AND_PROMOTE, true));
        return job;
    }

    private static CauseAction startedBy(String user) {
        return new CauseAction(new Cause.UserIdCause(user));
    }

    @Test
    void thePermissionIsDeclaredWhenJenkinsStarts() {
        assertThat(Permission.getAll()).contains(RegistryPermissions.PROMOTE);
        assertThat(PermissionGroup.get(RegistryPermissions.class)).isSameAs(RegistryPermissions.GROUP);
        assertThat(RegistryPermissions.PROMOTE.getId()).isEqualTo("io.jenkins.plugins.mlcicd.jenkins.registry.RegistryPermissions.Promote");
        assertThat(r.jenkins.getACL().hasPermission2(User.getById("admin", true).impersonate2(), RegistryPermissions.PROMOTE))
                .as("implied by Overall/Administer").isTrue();
    }

    @Test
    void aUserWithBuildAndPromotePromotesAndIsRecorded() throws Exception {
        WorkflowJob job = job();
        WorkflowRun run = r.assertBuildStatusSuccess(job.scheduleBuild2(0, startedBy("alice")));

        r.assertLogContains("promoting as user 'alice' (who started the build)", run);
        r.assertLogContains("promotion PASSED: fraud: alias 'champion' → version 2 (new)", run);
        assertThat(registry.aliases("fraud")).containsEntry("champion", 2);
        AliasMove move = registry.history("fraud").get(1);
        assertThat(move.actor()).isEqualTo("jenkins:alice (" + run.getFullDisplayName() + ")");
        assertThat(move.gateVerdict()).isEqualTo("PASSED");
        assertThat(move.reason()).isEqualTo("gate passed: auc 0.9");
        PromotionAction action = run.getAction(PromotionAction.class);
        assertThat(action.getActor()).isEqualTo(move.actor());
        assertThat(action.getMove()).contains("champion");
    }

    @Test
    void aUserWithoutPromoteIsRefusedAndNothingMoves() throws Exception {
        WorkflowJob job = job();
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0, startedBy("bob")));

        r.assertLogContains("mlPromote: user 'bob' (who started the build) may not move alias 'champion' of fraud: "
                + "missing the permission ML CI/CD/Promote on 'p'; nothing moved", run);
        assertThat(registry.aliases("fraud")).doesNotContainKey("champion");
        assertThat(registry.history("fraud")).hasSize(1);
        assertThat(run.getAction(PromotionAction.class)).isNull();
    }

    @Test
    void withoutAUserTheBuildsAuthenticationDecides() throws Exception {
        WorkflowJob job = job();
        // as the Authorize Project plugin would: builds of p run as bob
        QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate("p", User.getById("bob", false).impersonate2()));
        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains("user 'bob' (the build's authentication) may not move alias 'champion' of fraud", refused);

        QueueItemAuthenticatorConfiguration.get().getAuthenticators().clear();
        // no authenticator: the build runs as SYSTEM, which holds every permission
        WorkflowRun system = r.assertBuildStatusSuccess(job.scheduleBuild2(0));
        assertThat(registry.history("fraud").get(1).actor()).isEqualTo("jenkins:SYSTEM (" + system.getFullDisplayName() + ")");
    }

    @Test
    void aFailedGateMovesNothingUnlessForcedWhichIsRecorded() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'gate.yaml', text: 'rules:\\n  - metric: auc\\n    atLeast: 0.95\\n'
                  writeFile file: 'metrics.json', text: '{"auc": 0.9}'
                  mlGate(policy: 'gate.yaml', candidate: 'metrics.json', id: 'gate')
                  def refused = mlPromote(model: 'fraud', version: 2, gate: 'gate', reason: 'try', id: 'try')
                  echo "refused ${refused.verdict}"
                  def forced = mlPromote(model: 'fraud', version: 2, gate: 'gate', reason: 'hotfix', force: true, id: 'forced')
                  echo "forced ${forced.verdict}"
                }
                """, true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0, startedBy("alice")));
        r.assertLogContains("refused FAILED", run);
        r.assertLogContains("forced WARNING", run);
        List<AliasMove> history = registry.history("fraud");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).reason()).isEqualTo("hotfix (forced despite gate FAILED)");
        assertThat(history.get(1).actor()).startsWith("jenkins:alice (");
    }

    @Test
    void freestyleBuilderChecksTheSamePermission() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        r.jenkins.getWorkspaceFor(project).child("gate.json").write("""
                {"schema": "mlcicd/gate/v1", "kind": "gate", "verdict": "PASSED", "summary": "s",
                 "startedAt": "2026-01-01T00:00:00Z", "durationMs": 1, "checks": []}
                """, "UTF-8");
        PromoteBuilder builder = new PromoteBuilder("fraud", "gate.json", "gate passed");
        builder.setVersion("2");
        builder.setAlias("staging");
        project.getBuildersList().add(builder);

        FreeStyleBuild refused = r.assertBuildStatus(Result.FAILURE, project.scheduleBuild2(0, new Cause.UserIdCause("bob")));
        r.assertLogContains("missing the permission ML CI/CD/Promote on 'f'", refused);
        FreeStyleBuild promoted = r.assertBuildStatusSuccess(project.scheduleBuild2(0, new Cause.UserIdCause("alice")));
        assertThat(registry.aliases("fraud")).containsEntry("staging", 2);
        assertThat(registry.history("fraud").get(1).actor()).isEqualTo("jenkins:alice (" + promoted.getFullDisplayName() + ")");
    }

    @Test
    void mlCanaryChecksThePermissionBeforeAnyTrafficMoves() throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "c");
        // the router command would leave a file behind if the rollout had started
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  mlCanary(planYaml: 'stages: [{weight: 100}]\\nrouter: {command: [touch, routed]}', model: 'fraud', version: '2')
                }
                """, true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0, startedBy("bob")));
        r.assertLogContains("mlCanary: user 'bob' (who started the build) may not move alias 'production' of fraud: "
                + "missing the permission ML CI/CD/Promote on 'c'; nothing moved", run);
        assertThat(r.jenkins.getWorkspaceFor(job).child("routed").exists()).isFalse();
        assertThat(registry.aliases("fraud")).doesNotContainKey("production");
    }
}
