package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts {@code mlTrain}'s script values (and the freestyle form's text fields) into plain Java
 * values, with one-line errors naming the parameter. Pipeline hands over Groovy values: strings
 * ({@code GString} is a CharSequence), numbers (0.1 is a BigDecimal), lists and maps.
 */
public final class TrainArguments {
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
     * The one duration syntax of the engine ({@link Durations}): {@code '45s'}, {@code '30m'},
     * {@code '2h'}, {@code '1h30m'}, {@code '1d'}, ISO-8601 ({@code 'PT1H30M'}); a bare number, in a
     * string or as a Pipeline number, is seconds, as for {@code mlcicd train --timeout}. Null or blank
     * for no limit. (Jenkins' own {@code timeout} step counts minutes; this step follows the CLI so that
     * a value means the same wherever it is written.)
     */
    public static Duration timeout(Object value) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            return null;
        }
        String text;
        if (value instanceof Number number) {
            BigDecimal exact = new BigDecimal(number.toString());
            if (exact.stripTrailingZeros().scale() > 0) {
                throw new BadInputException("timeout: whole seconds, or a string such as '90m', got " + number);
            }
            text = exact.toBigInteger().toString();
        } else if (value instanceof CharSequence chars) {
            text = chars.toString().strip();
        } else {
            throw new BadInputException("timeout: expected seconds or a string such as '30m', got " + describe(value));
        }
        if (text.startsWith("-")) {
            throw new BadInputException("timeout: must be positive, got " + value);
        }
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("timeout: " + e.getMessage());
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new BadInputException("timeout: must be positive, got " + value);
        }
        return duration;
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
