package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One check as the build page's summary shows it. Kept in build.xml with the action, so it is a plain
 * class of strings (no record, no engine type: XStream and the class filter read it back anywhere).
 */
public final class KeyCheck implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String verdict;
    private final String message;

    public KeyCheck(String name, Verdict verdict, String message) {
        this.name = name;
        this.verdict = verdict.name();
        this.message = message;
    }

    public String getName() {
        return name;
    }

    public Verdict getVerdict() {
        return Verdict.valueOf(verdict);
    }

    /** CSS class of the verdict badge, as the engine's report uses it. */
    public String getVerdictClass() {
        return "mlcicd-verdict mlcicd-verdict-" + verdict.toLowerCase(Locale.ROOT);
    }

    public String getMessage() {
        return message;
    }

    /**
     * The checks a reader should see first: worst verdict first (FAILED, INCONCLUSIVE, WARNING, PASSED),
     * in document order within a verdict, at most {@code limit}. An {@link ArrayList}, which XStream
     * writes and reads (the JDK's immutable lists it cannot).
     */
    public static List<KeyCheck> select(List<Check> checks, int limit) {
        return checks.stream()
                .sorted(Comparator.comparing(Check::verdict).reversed())
                .limit(limit)
                .map(check -> new KeyCheck(check.name(), check.verdict(), check.message()))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
