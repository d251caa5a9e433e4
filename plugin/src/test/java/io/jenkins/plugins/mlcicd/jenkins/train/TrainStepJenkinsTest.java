package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.Fingerprint;
import hudson.model.Result;
import hudson.tasks.Fingerprinter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** mlTrain in a running Jenkins (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class TrainStepJenkinsTest {
    /** A trainer `sh` can run: writes a model that depends on LR and the metrics, prints a line. */
    private static final String TRAINER = """
            mkdir -p out
            printf 'model-%s' "$LR" > out/model.bin
            echo '{"auc": 0.9, "val": {"f1": 0.7}}' > out/metrics.json
            echo "trained with lr=$LR"
            """;

    @TempDir
    Path registryDir;

    @BeforeEach
    void unixOnly() {
        assumeFalse(Functions.isWindows(), "the trainer is a shell script");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private WorkflowJob job(JenkinsRule r, String trainArguments) throws Exception {
        RegistryConfiguration config = RegistryConfiguration.get();
        config.setRegistryType(RegistrySettings.FILE);
        config.setFilePath(registryDir.toString());
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'data/train.csv', text: 'x,y\\n1,0\\n'
                  writeFile file: 'train.sh', text: '''%s'''
                  def lineage = mlTrain(%s)
                  echo "verdict=${lineage.verdict} version=${lineage.registry?.version} sha=${lineage.model?.sha256}"
                }
                """.formatted(TRAINER, trainArguments), true));
        return job;
    }

    @Test
    void trainsRecordsLineageFingerprintsAndRegisters(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "command: 'LR=0.1 sh train.sh', model: 'out/model.bin', metrics: 'out/metrics.json', "
                + "data: ['data/train.csv'], params: [lr: 0.1], registry: [name: 'fraud', alias: 'candidate']");

        WorkflowRun first = r.buildAndAssertSuccess(job);
        r.assertLogContains("trained with lr=0.1", first);
        String modelSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("model-0.1".getBytes(StandardCharsets.UTF_8)));
        r.assertLogContains("verdict=PASSED version=1 sha=" + modelSha, first);
        r.assertLogContains("[mlTrain train] code: ", first); // a commit when the test runs inside a git checkout

        TrainingAction lineage = first.getAction(TrainingAction.class);
        assertThat(lineage).isNotNull();
        assertThat(lineage.getRegistryName()).isEqualTo("fraud");
        assertThat(lineage.getRegistryVersion()).isEqualTo(1);
        assertThat(lineage.getRegistryAlias()).isEqualTo("candidate");
        assertThat(lineage.getMetrics()).containsEntry("auc", 0.9).containsEntry("val.f1", 0.7);

        // Jenkins fingerprints: the model produced by this build, the data used by it
        Fingerprinter.FingerprintAction fingerprints = first.getAction(Fingerprinter.FingerprintAction.class);
        assertThat(fingerprints.getRecords()).containsEntry("out/model.bin", md5("model-0.1"))
                .containsEntry("data/train.csv", md5("x,y\n1,0\n"));
        Fingerprint model = r.jenkins.getFingerprintMap().get(md5("model-0.1"));
        assertThat(model.getOriginal().getRun()).isEqualTo(first);
        Fingerprint data = r.jenkins.getFingerprintMap().get(md5("x,y\n1,0\n"));
        assertThat(data.getOriginal()).isNull();
        assertThat(data.getJobs()).contains("p");

        // the lineage page and the models page
        JenkinsRule.WebClient web = r.createWebClient();
        HtmlPage page = web.getPage(first, "mlcicd-training-train/");
        assertThat(page.asNormalizedText()).contains(modelSha).contains("data/train.csv").contains("lr").contains("fraud");

        WorkflowRun second = r.buildAndAssertSuccess(job);
        r.assertLogContains("version=2", second);
        HtmlPage models = web.getPage(job, "mlcicd-models/");
        String text = models.asNormalizedText();
        assertThat(text).contains("fraud v2").contains("fraud v1").contains("candidate");
        assertThat(models.getWebResponse().getContentAsString()).contains("<svg class=\"mlcicd-trend\"");
    }

    @Test
    void movingAnAliasNeedsThePromotePermissionBeforeTheTrainingStarts(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new org.jvnet.hudson.test.MockAuthorizationStrategy()
                .grant(jenkins.model.Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD, hudson.model.Computer.BUILD)
                .everywhere().to("alice", "bob")
                .grant(io.jenkins.plugins.mlcicd.jenkins.registry.RegistryPermissions.PROMOTE).everywhere().to("alice"));
        hudson.model.User.getById("alice", true);
        hudson.model.User.getById("bob", true);
        WorkflowJob job = job(r, "command: 'LR=0.1 sh train.sh', model: 'out/model.bin', metrics: 'out/metrics.json', "
                + "registry: [name: 'fraud', alias: 'candidate']");

        WorkflowRun refused = r.assertBuildStatus(Result.FAILURE,
                job.scheduleBuild2(0, new hudson.model.CauseAction(new hudson.model.Cause.UserIdCause("bob"))));
        r.assertLogContains("mlTrain: user 'bob' (who started the build) may not move alias 'candidate' of fraud: "
                + "missing the permission ML CI/CD/Promote on 'p'; nothing moved", refused);
        r.assertLogNotContains("trained with", refused);

        WorkflowRun allowed = r.assertBuildStatusSuccess(
                job.scheduleBuild2(0, new hudson.model.CauseAction(new hudson.model.Cause.UserIdCause("alice"))));
        var history = RegistryConfiguration.get().openForReading().history("fraud");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).actor()).isEqualTo("jenkins:alice (" + allowed.getFullDisplayName() + ")");
    }

    @Test
    void aFailingCommandFailsTheBuildAndKeepsItsTail(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "command: 'echo boom >&2; exit 3', model: 'out/model.bin', metrics: 'out/metrics.json', "
                + "registry: 'fraud'");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("verdict=FAILED", run);
        r.assertLogContains("the command exited with 3", run);
        TrainingAction lineage = run.getAction(TrainingAction.class);
        assertThat(lineage.getRegistryVersion()).isNull();
        assertThat(lineage.getResultDocument().fields().path("logTail").toString()).contains("boom");
    }

    @Test
    void badArgumentsAreOneLine(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "command: 'true', model: 'm', metrics: 'x.json', timeout: 'soon'");
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("mlTrain: timeout: 'soon' is not a duration", run);
    }

    @Test
    void globalConfigurationRoundTrip(JenkinsRule r) throws Exception {
        RegistryConfiguration config = RegistryConfiguration.get();
        config.setRegistryType(RegistrySettings.FILE);
        config.setFilePath(registryDir.toString());
        r.configRoundtrip();
        assertThat(RegistryConfiguration.get().getRegistryType()).isEqualTo(RegistrySettings.FILE);
        assertThat(RegistryConfiguration.get().getFilePath()).isEqualTo(registryDir.toString());
    }
}
