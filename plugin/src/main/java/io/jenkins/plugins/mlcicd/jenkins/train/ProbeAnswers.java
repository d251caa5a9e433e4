package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter's answers to the environment probe ({@code python --version}, {@code pip freeze}),
 * asked through the build's launcher on the controller side ({@link LauncherProbe}), so inside the
 * container the launcher is decorated with, and replayed to the engine's probe on the agent, which adds
 * the machine facts of the agent's JVM. The engine decides what to ask (the second question only when
 * the first succeeded); this class only records and replays, so the two sides cannot disagree.
 */
final class ProbeAnswers implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One question and its answer. */
    private record Recorded(ArrayList<String> argv, int exitCode, byte[] stdout, String problem) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final ArrayList<Recorded> answers = new ArrayList<>();

    /** Asks {@code python} through {@code asker}, recording every answer. */
    static ProbeAnswers record(String python, EnvironmentProbe.Asker asker) {
        ProbeAnswers answers = new ProbeAnswers();
        // the machine facts computed here are the controller's: only the recorded answers are kept
        EnvironmentProbe.probe(python, argv -> {
            EnvironmentProbe.Answer answer = asker.ask(argv);
            answers.answers.add(new Recorded(new ArrayList<>(argv), answer.exitCode(), answer.stdout().clone(), answer.problem()));
            return answer;
        });
        return answers;
    }

    /** Answers the same questions again; a question that was not asked before has no answer (it cannot happen with the same engine). */
    EnvironmentProbe.Asker replay() {
        return argv -> {
            for (Recorded recorded : answers) {
                if (recorded.argv().equals(argv)) {
                    return new EnvironmentProbe.Answer(recorded.exitCode(), recorded.stdout().clone(), recorded.problem());
                }
            }
            return new EnvironmentProbe.Answer(-1, new byte[0], String.join(" ", argv) + " was not asked through the launcher");
        };
    }

    int size() {
        return answers.size();
    }

    /**
     * The one-line problem of a program that failed: the first line of what it wrote on stderr, or its
     * exit code; null when it succeeded.
     */
    static String problem(List<String> argv, int exitCode, String stderr) {
        if (exitCode == 0) {
            return null;
        }
        return stderr.strip().lines().findFirst().orElse(String.join(" ", argv) + " exited with " + exitCode);
    }
}
