package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * JUnit XML for Jenkins' JUnit plugin, so that gate history is charted like test history: one
 * {@code <testcase>} per check, {@code classname} = the suite (the gate's id), {@code name} = the
 * check name. FAILED and WARNING checks are {@code <failure>}s (type {@code FAILED} or
 * {@code WARNING}): both are real findings, and the JUnit plugin marks a build with failures
 * UNSTABLE, never FAILURE, which matches a warning and leaves failing the build to the gate
 * itself. INCONCLUSIVE checks are {@code <skipped>}: the comparison could not be made, which is
 * what "skipped" means in a test report. Every test case carries the check's sentence and numbers
 * in {@code <system-out>}.
 */
public final class GateJUnitXml {
    private GateJUnitXml() {
    }

    public static String render(ResultDocument gateResult, String suiteName) {
        String suite = suiteName == null || suiteName.isBlank() ? gateResult.kind().id() : suiteName;
        long failures = gateResult.checks().stream()
                .filter(c -> c.verdict() == Verdict.FAILED || c.verdict() == Verdict.WARNING).count();
        long skipped = gateResult.checks().stream().filter(c -> c.verdict() == Verdict.INCONCLUSIVE).count();
        String seconds = String.format(Locale.ROOT, "%.3f", gateResult.durationMs() / 1000.0);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(escape(suite)).append("\" tests=\"").append(gateResult.checks().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds).append("\">\n");
        xml.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(gateResult.checks().size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds).append("\" timestamp=\"")
                .append(gateResult.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toLocalDateTime())
                .append("\">\n");
        xml.append("    <properties>\n");
        property(xml, "verdict", gateResult.verdict().name());
        property(xml, "summary", gateResult.summary());
        xml.append("    </properties>\n");
        for (Check check : gateResult.checks()) {
            testCase(xml, suite, check);
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    private static void testCase(StringBuilder xml, String suite, Check check) {
        xml.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(check.name()))
                .append("\" time=\"0\">\n");
        switch (check.verdict()) {
            case FAILED, WARNING -> xml.append("      <failure type=\"").append(check.verdict().name())
                    .append("\" message=\"").append(escape(check.message())).append("\">")
                    .append(escape(check.message())).append("</failure>\n");
            case INCONCLUSIVE -> xml.append("      <skipped message=\"").append(escape(check.message())).append("\"/>\n");
            case PASSED -> {
                // a passed check is a test case without a failure element
            }
        }
        xml.append("      <system-out>").append(escapeText(systemOut(check))).append("</system-out>\n");
        xml.append("    </testcase>\n");
    }

    private static String systemOut(Check check) {
        StringBuilder out = new StringBuilder();
        out.append(check.verdict()).append(": ").append(check.message()).append('\n');
        out.append("value: ").append(Numbers.format(check.value())).append('\n');
        out.append("baseline: ").append(Numbers.format(check.baseline())).append('\n');
        out.append("delta: ").append(Numbers.signed(check.delta())).append('\n');
        if (check.threshold() != null) {
            out.append("threshold: ").append(check.threshold()).append('\n');
        }
        return out.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"").append(escape(name)).append("\" value=\"").append(escape(value)).append("\"/>\n");
    }

    /**
     * Escapes text for XML 1.0 content and attribute values. Characters XML 1.0 cannot carry at
     * all (most control characters, lone surrogates) become U+FFFD rather than breaking the file.
     */
    static String escape(String text) {
        return escape(text, true);
    }

    /** Like {@link #escape} for element content, where line breaks and tabs may stay as they are. */
    static String escapeText(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean attribute) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
