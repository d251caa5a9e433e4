package io.jenkins.plugins.mlcicd.input;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of the CLI, the plans and policies, and the Jenkins steps: {@code 500ms},
 * {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, combinations such as {@code 1h30m}, and ISO-8601
 * ({@code PT30M}). A bare number is seconds.
 */
public final class Durations {
    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final String EXAMPLES = "e.g. 90s, 30m, 2h, 1h30m, 1d, PT30M";

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the value and the accepted forms
     */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an empty duration (" + EXAMPLES + ")");
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.matches("\\d{1,18}")) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            if (text.startsWith("p")) {
                Duration iso = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (iso.isNegative()) {
                    throw new IllegalArgumentException("'" + value + "' is negative; a duration is zero or more");
                }
                return iso;
            }
            Matcher matcher = PARTS.matcher(text);
            Duration total = Duration.ZERO;
            int end = 0;
            while (matcher.find() && matcher.start() == end) {
                long n = Long.parseLong(matcher.group(1));
                total = total.plus(switch (matcher.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMillis(n);
                });
                end = matcher.end();
            }
            if (end == 0 || end != text.length()) {
                throw new IllegalArgumentException("'" + value + "' is not a duration (" + EXAMPLES + ")");
            }
            return total;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (" + EXAMPLES + ")");
        }
    }
}
