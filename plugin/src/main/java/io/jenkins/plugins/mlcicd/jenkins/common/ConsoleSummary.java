package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.List;

/** What a step prints to the build log: the verdict, every check that did not pass, and what it did to the build. */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    public static List<String> lines(ResultDocument document, BuildOutcome outcome) {
        List<String> lines = new ArrayList<>();
        lines.add(document.verdict() + ": " + document.summary());
        int passed = 0;
        for (Check check : document.checks()) {
            if (check.verdict() == Verdict.PASSED) {
                passed++;
            } else {
                lines.add("  " + check.verdict() + " " + check.name() + ": " + check.message());
            }
        }
        if (passed > 0) {
            lines.add("  " + passed + (passed == 1 ? " check" : " checks") + " passed");
        }
        lines.add("build result: " + outcome + (outcome == BuildOutcome.SUCCESS ? " (unchanged)" : ""));
        return lines;
    }
}
