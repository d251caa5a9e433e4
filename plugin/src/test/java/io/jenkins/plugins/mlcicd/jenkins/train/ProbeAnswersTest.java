package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe;
import io.jenkins.plugins.mlcicd.lineage.RuntimeEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpreter's answers, asked where the launcher runs the command and replayed on the agent. */
class ProbeAnswersTest {
    /** A "container" whose interpreter is not the agent's: what the replay must report. */
    private static EnvironmentProbe.Answer container(List<String> argv) {
        return argv.contains("freeze")
                ? new EnvironmentProbe.Answer(0, "torch==2.3.0\n".getBytes(StandardCharsets.UTF_8), null)
                : new EnvironmentProbe.Answer(0, "Python 3.11.9\n".getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void theAgentRecordsWhatTheContainersInterpreterAnswered() throws Exception {
        List<List<String>> asked = new ArrayList<>();
        ProbeAnswers answers = ProbeAnswers.record("python3", argv -> {
            asked.add(argv);
            return container(argv);
        });
        assertThat(asked).hasSize(2);
        ProbeAnswers received = roundTrip(answers); // crosses the channel to the agent
        RuntimeEnvironment environment = EnvironmentProbe.probe("python3", received.replay());
        assertThat(environment.python()).isEqualTo("Python 3.11.9");
        assertThat(environment.pipFreezeSha256()).isEqualTo(EnvironmentProbe.probe("python3", ProbeAnswersTest::container).pipFreezeSha256());
        assertThat(environment.pythonProblem()).isNull();
    }

    @Test
    void aMissingInterpreterIsAskedOnceAndItsProblemKept() {
        ProbeAnswers answers = ProbeAnswers.record("python3", argv -> new EnvironmentProbe.Answer(127, new byte[0], "sh: python3: not found"));
        assertThat(answers.size()).isEqualTo(1);
        RuntimeEnvironment environment = EnvironmentProbe.probe("python3", answers.replay());
        assertThat(environment.python()).isNull();
        assertThat(environment.pythonProblem()).isEqualTo("sh: python3: not found");
    }

    @Test
    void aQuestionNotAskedHasNoAnswer() {
        ProbeAnswers answers = ProbeAnswers.record("python3", ProbeAnswersTest::container);
        EnvironmentProbe.Answer answer = answers.replay().ask(List.of("venv/bin/python", "--version"));
        assertThat(answer.exitCode()).isEqualTo(-1);
        assertThat(answer.problem()).contains("was not asked");
    }

    @Test
    void theProblemIsStderrsFirstLineOrTheExitCode() {
        assertThat(ProbeAnswers.problem(List.of("python3", "--version"), 0, "noise")).isNull();
        assertThat(ProbeAnswers.problem(List.of("python3", "-m", "pip"), 1, "\nNo module named pip\nmore")).isEqualTo("No module named pip");
        assertThat(ProbeAnswers.problem(List.of("python3", "--version"), 127, "  ")).isEqualTo("python3 --version exited with 127");
    }

    private static ProbeAnswers roundTrip(ProbeAnswers answers) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(answers);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ProbeAnswers) in.readObject();
        }
    }
}
