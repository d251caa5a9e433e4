package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.KeyChecks;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
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
     * The engine's choice of the checks a reader should see first ({@link KeyChecks#select}), as
     * beans for build.xml. An {@link ArrayList}, which XStream writes and reads (the JDK's immutable
     * lists it cannot).
     */
    public static List<KeyCheck> select(List<Check> checks, int limit) {
        return KeyChecks.select(checks, limit).stream()
                .map(check -> new KeyCheck(check.name(), check.verdict(), check.message()))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
