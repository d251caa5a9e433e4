package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An endpoint's credential as the engine's Authorization header: in its secrets file and the mask, never elsewhere. */
class EndpointCredentialsTest {
    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final String PASSWORD = "pa55-w0rd-xyz";

    /** The test's credential store: what CredentialsProvider would find for the build. */
    private static final EndpointCredentials.Lookup STORE = id -> switch (id) {
        case "a-token" -> new EndpointCredentials.Token(() -> TOKEN);
        case "b-login" -> new EndpointCredentials.Login("shadow-reader", () -> PASSWORD);
        default -> null;
    };

    private static ShadowRequest replay(String baselineCredential, String candidateCredential) {
        ShadowStep step = new ShadowStep();
        step.setRequests("requests.jsonl");
        ShadowEndpoint baseline = new ShadowEndpoint("http://a/predict");
        baseline.setCredentialsId(baselineCredential);
        ShadowEndpoint candidate = new ShadowEndpoint("http://b/predict");
        candidate.setCredentialsId(candidateCredential);
        step.setBaseline(baseline);
        step.setCandidate(candidate);
        step.setScorePointer("/score");
        return step.request().validated("mlShadowEval");
    }

    @Test
    void secretTextIsABearerTokenAndALoginBasicAuthentication() throws Exception {
        List<String> log = new ArrayList<>();
        ShadowRequest request = replay("a-token", "b-login");

        EngineSecrets secrets = request.secrets(STORE, "mlShadowEval", log::add);

        String basic = Base64.getEncoder().encodeToString(("shadow-reader:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(secrets.names()).containsExactly("MLCICD_BASELINE_AUTHORIZATION", "MLCICD_CANDIDATE_AUTHORIZATION");
        assertThat(secrets.maskedValues()).containsExactlyInAnyOrder("Bearer " + TOKEN, "Basic " + basic, TOKEN, PASSWORD, basic);
        assertThat(EndpointCredentials.basic("shadow-reader", PASSWORD)).isEqualTo("Basic " + basic);
        assertThat(EndpointCredentials.bearer(TOKEN)).isEqualTo("Bearer " + TOKEN);
        assertThat(log).containsExactly(
                "baseline: Authorization from credential 'a-token' (secret text, sent as a Bearer token; in the engine's secrets file "
                        + "as MLCICD_BASELINE_AUTHORIZATION)",
                "candidate: Authorization from credential 'b-login' (username with password, sent as Basic authentication; in the "
                        + "engine's secrets file as MLCICD_CANDIDATE_AUTHORIZATION)");
    }

    @Test
    void theSecretIsNeverInTheArgumentsTheLogOrTheDescription() {
        List<String> log = new ArrayList<>();
        ShadowRequest request = replay("a-token", "b-login");
        EngineSecrets secrets = request.secrets(STORE, "mlShadowEval", log::add);

        String everything = String.join("\n", request.cliArguments()) + String.join("\n", log) + request.describe() + secrets;
        assertThat(everything).doesNotContain(TOKEN, PASSWORD, "shadow-reader:",
                Base64.getEncoder().encodeToString(("shadow-reader:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.cliArguments()).contains("--baseline-header=Authorization: ${MLCICD_BASELINE_AUTHORIZATION}",
                "--candidate-header=Authorization: ${MLCICD_CANDIDATE_AUTHORIZATION}");
    }

    @Test
    void noCredentialNoSecretsFile() {
        ShadowRequest request = replay(null, null);
        assertThat(request.secrets(STORE, "mlShadowEval", line -> {
            throw new AssertionError(line);
        }).isEmpty()).isTrue();
        assertThat(String.join(" ", request.cliArguments())).doesNotContain("Authorization");
    }

    @Test
    void anUnknownCredentialIsOneLineNamingTheEndpoint() {
        ShadowRequest request = replay(null, "missing");
        assertThatThrownBy(() -> request.secrets(STORE, "mlShadowEval", line -> { }))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlShadowEval: candidate.credentialsId: no credential 'missing' that this build may use "
                        + "(a secret text or a username with password; check its ID and the folder it is stored in)");
    }

    @Test
    void secretNamesAreWhatTheCommandLineRefersTo() {
        assertThat(Map.of(EndpointCredentials.Role.BASELINE.secretName(), EndpointCredentials.Role.BASELINE.id(),
                EndpointCredentials.Role.CANDIDATE.secretName(), EndpointCredentials.Role.CANDIDATE.id()))
                .containsEntry("MLCICD_BASELINE_AUTHORIZATION", "baseline")
                .containsEntry("MLCICD_CANDIDATE_AUTHORIZATION", "candidate");
    }
}
