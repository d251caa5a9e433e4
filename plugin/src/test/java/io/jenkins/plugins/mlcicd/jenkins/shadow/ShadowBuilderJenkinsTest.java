package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Shadow evaluation as a freestyle build step (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class ShadowBuilderJenkinsTest {
    private static final class WriteRequests extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("logs/requests-" + build.getNumber() + ".jsonl").write(ShadowFixtures.requests(100), "UTF-8");
            return true;
        }
    }

    private static ShadowEndpoint endpoint(String url, String credentialsId, String headers) {
        ShadowEndpoint endpoint = new ShadowEndpoint(url);
        endpoint.setCredentialsId(credentialsId);
        endpoint.setHeaders(headers);
        return endpoint;
    }

    @Test
    void freestyleReplayWithCredentialsAndExpandedPaths(JenkinsRule r) throws Exception {
        ShadowStepJenkinsTest.setUp(r);
        ModelServer baseline = new ModelServer("Bearer " + ShadowFixtures.TOKEN, 0, 0);
        ModelServer candidate = new ModelServer(ShadowFixtures.BASIC, 0.5, 0);
        try {
            FreeStyleProject project = r.createFreeStyleProject("f");
            project.getBuildersList().add(new WriteRequests());
            ShadowBuilder shadow = new ShadowBuilder();
            shadow.setRequests("logs/requests-$BUILD_NUMBER.jsonl");
            shadow.setBaseline(endpoint(baseline.url(), "a-token", null));
            shadow.setCandidate(endpoint(candidate.url(), "b-login", "X-Shadow: true"));
            shadow.setMinAgreement("0.95");
            shadow.setUnstableOnly(true);
            project.getBuildersList().add(shadow);

            FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);

            r.assertLogContains("--requests=logs/requests-1.jsonl", build);
            r.assertLogContains("[mlShadowEval shadow] FAILED", build);
            r.assertLogNotContains(ShadowFixtures.TOKEN, build);
            r.assertLogNotContains(ShadowFixtures.PASSWORD, build);
            assertThat(build.getAction(ShadowAction.class).getCandidateErrorRate()).isEqualTo("0.00%");
            assertThat(candidate.refused.get()).isZero();
        } finally {
            baseline.stop();
            candidate.stop();
        }
    }

    @Test
    void configurationRoundTripKeepsTheNestedEndpoints(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        ShadowBuilder shadow = new ShadowBuilder();
        shadow.setRequests("logs/requests.jsonl");
        shadow.setBaseline(endpoint("http://model-a:8080/predict", null, "X-Tenant: acme"));
        shadow.setCandidate(endpoint("http://model-b:8080/predict", null, null));
        shadow.setScorePointer("/prediction/score");
        shadow.setHeaders("X-Shadow: true");
        shadow.setConcurrency("16");
        shadow.setTimeout("2s");
        shadow.setMaxRequests("100000");
        shadow.setDuration("30m");
        shadow.setSkipInvalid(true);
        shadow.setPolicy("ml/shadow-gate.yaml");
        shadow.setMaxErrorRate("0.01");
        shadow.setMaxLatencyP95("250ms");
        shadow.setId("shadow-b");
        shadow.setStopBuild(true);
        project.getBuildersList().add(shadow);

        r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(shadow, project.getBuildersList().get(ShadowBuilder.class));
    }
}
