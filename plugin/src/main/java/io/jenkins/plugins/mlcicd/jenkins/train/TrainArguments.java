package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts {@code mlTrain}'s script values (and the freestyle form's text fields) into plain Java
 * values, with one-line errors naming the parameter. Pipeline hands over Groovy values: strings
 * ({@code GString} is a CharSequence), numbers (0.1 is a BigDecimal), lists and maps.
 */
public final class TrainArguments {
    private static final Pattern DURATION = Pattern.compile("(?:\\d+\\s*(?:ms|[smhd])\\s*)+|\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|[smhd])", Pattern.CASE_INSENSITIVE);
    private static final Set<String> REGISTRY_KEYS = Set.of("name", "alias", "modelUri");

    private TrainArguments() {
    }

    /** {@code data: 'a.csv'} or {@code data: ['a.csv', 'dir/']}. */
    public static List<String> paths(String field, Object value) {
        List<String> paths = new ArrayList<>();
        if (value == null) {
            return paths;
        }
        if (value instanceof CharSequence text) {
            paths.add(text.toString().strip());
            return paths;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (!(item instanceof CharSequence text) || text.toString().isBlank()) {
                    throw new BadInputException(field + "[" + i + "]: expected a workspace path, got " + describe(item));
                }
                paths.add(text.toString().strip());
            }
            return paths;
        }
        throw new BadInputException(field + ": expected a path or a list of paths, got " + describe(value));
    }

    /** {@code params: [lr: 0.1, epochs: 10]}: names to scalar values, kept as the text the user wrote. */
    public static Map<String, String> strings(String field, Object value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!(value instanceof Map<?, ?> given)) {
            throw new BadInputException(field + ": expected a map such as [lr: '0.1'], got " + describe(value));
        }
        for (Map.Entry<?, ?> entry : given.entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey().toString().strip();
            if (key.isEmpty()) {
                throw new BadInputException(field + ": an empty name");
            }
            map.put(key, scalar(field + "." + key, entry.getValue()));
        }
        return map;
    }

    /** The freestyle form's {@code name=value} lines; blank lines and lines starting with {@code #} are skipped. */
    public static Map<String, String> lines(String field, String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(field + ": line " + (i + 1) + ": expected name=value, got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (map.put(key, line.substring(eq + 1).strip()) != null) {
                throw new BadInputException(field + ": line " + (i + 1) + ": '" + key + "' is given twice");
            }
        }
        return map;
    }

    /** The freestyle form's paths, one per line. */
    public static List<String> pathLines(String text) {
        List<String> paths = new ArrayList<>();
        if (text != null) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(paths::add);
        }
        return paths;
    }

    /** {@code registry: 'fraud-model'} or {@code registry: [name: 'fraud-model', alias: 'candidate', modelUri: '...']}. */
    public static RegistryTarget registry(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence name) {
            return name.toString().isBlank() ? null : new RegistryTarget(name.toString().strip(), null, null);
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new BadInputException("registry: expected [name: 'model-name', alias: 'candidate'], got " + describe(value));
        }
        Map<String, String> map = strings("registry", value);
        for (String key : map.keySet()) {
            if (!REGISTRY_KEYS.contains(key)) {
                throw new BadInputException("registry: unknown key '" + key + "'; known: name, alias, modelUri");
            }
        }
        if (!map.containsKey("name") || map.get("name").isBlank()) {
            throw new BadInputException("registry: name: required (the registered model's name)");
        }
        String alias = map.get("alias");
        return new RegistryTarget(map.get("name").strip(), alias == null || alias.isBlank() ? null : alias.strip(), map.get("modelUri"));
    }

    /**
     * {@code timeout: 90} (minutes, like Jenkins' {@code timeout} step), {@code '45s'}, {@code '30m'},
     * {@code '2h'}, {@code '1h30m'}, {@code '1d'} or ISO-8601 ({@code 'PT1H30M'}); null or blank for no limit.
     */
    public static Duration timeout(Object value) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            return null;
        }
        Duration duration;
        if (value instanceof Number number) {
            BigDecimal exact = new BigDecimal(number.toString());
            if (exact.stripTrailingZeros().scale() > 0) {
                throw new BadInputException("timeout: whole minutes, or a string such as '90s', got " + number);
            }
            duration = Duration.ofMinutes(number.longValue());
        } else if (value instanceof CharSequence text) {
            duration = parseDuration(text.toString().strip());
        } else {
            throw new BadInputException("timeout: expected minutes or a string such as '30m', got " + describe(value));
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new BadInputException("timeout: must be positive, got " + value);
        }
        return duration;
    }

    private static Duration parseDuration(String text) {
        if (text.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadInputException("timeout: '" + text + "' is not an ISO-8601 duration", e);
            }
        }
        if (!DURATION.matcher(text).matches()) {
            throw new BadInputException("timeout: '" + text + "' is not a duration; use minutes, or '45s', '30m', '2h', '1h30m', '1d'");
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Duration.ofMinutes(Long.parseLong(text));
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            String unit = part.group(2);
            Duration piece;
            if (unit.equalsIgnoreCase("ms")) {
                piece = Duration.ofMillis(amount);
            } else if (unit.equalsIgnoreCase("s")) {
                piece = Duration.ofSeconds(amount);
            } else if (unit.equalsIgnoreCase("h")) {
                piece = Duration.ofHours(amount);
            } else if (unit.equalsIgnoreCase("d")) {
                piece = Duration.ofDays(amount);
            } else {
                piece = Duration.ofMinutes(amount);
            }
            total = total.plus(piece);
        }
        return total;
    }

    private static String scalar(String where, Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new BadInputException(where + ": expected a string, number or boolean, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
