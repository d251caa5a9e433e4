package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import org.junit.jupiter.api.Test;

class PlanCredentialsTest {
    static final String PLAN = """
            stages:
              - {weight: 1, duration: 30m}
              - {weight: 100}
            interval: 30s
            router:
              http: {url: 'https://router/api/weights', method: PUT, body: '{"canary": ${WEIGHT}}', credentialsId: router-token}
            rollback:
              http: {url: 'https://router/api/weights', method: PUT, body: '{"canary": 0}', credentialsId: router-token}
            metrics:
              prometheus: {url: 'http://prometheus:9090', credentialsId: prom-login}
            guardrails:
              - {name: errorRate, query: 'x', max: 0.01}
            """;

    @Test
    void everyCredentialIsFoundWithWhereItIsAndNamedOnce() {
        var tree = StructuredFiles.parseTree("plan.yaml", PLAN);
        assertThat(PlanCredentials.references("plan.yaml", tree)).containsExactly(
                new PlanCredentials.Reference("router.http.credentialsId", "router-token"),
                new PlanCredentials.Reference("rollback.http.credentialsId", "router-token"),
                new PlanCredentials.Reference("metrics.prometheus.credentialsId", "prom-login"));
        assertThat(PlanCredentials.ids("plan.yaml", tree)).containsExactly("router-token", "prom-login");
    }

    @Test
    void aPlanWithoutCredentialsNeedsNone() {
        var tree = StructuredFiles.parseTree("plan.json", "{\"stages\": [{\"weight\": 100}], \"router\": {\"command\": [\"./w.sh\", \"${WEIGHT}\"]}}");
        assertThat(PlanCredentials.ids("plan.json", tree)).isEmpty();
    }

    @Test
    void aCredentialsIdInAListIsFoundToo() {
        var tree = StructuredFiles.parseTree("p.yaml", "hooks:\n  - {credentialsId: a}\n  - {x: {credentialsId: b}}\n");
        assertThat(PlanCredentials.references("p.yaml", tree)).extracting(PlanCredentials.Reference::path)
                .containsExactly("hooks[0].credentialsId", "hooks[1].x.credentialsId");
    }

    @Test
    void aCredentialsIdThatIsNoStringIsRefusedWithItsPlace() {
        var tree = StructuredFiles.parseTree("p.yaml", "metrics:\n  prometheus: {url: 'http://p', credentialsId: [a]}\n");
        assertThatThrownBy(() -> PlanCredentials.ids("p.yaml", tree)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("p.yaml: metrics.prometheus.credentialsId");
    }
}
