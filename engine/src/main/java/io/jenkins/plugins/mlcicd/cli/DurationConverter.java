package io.jenkins.plugins.mlcicd.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 90}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 500ms} and ISO-8601 ({@code PT30M}). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 30m, 2h, 1h30m, PT30M)");
            }
        }
        Matcher matcher = PARTS.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            long n = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = matcher.end();
        }
        if (end == 0 || end != text.length()) {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 30m, 2h, 1h30m, PT30M)");
        }
        return total;
    }
}
