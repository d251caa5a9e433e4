package io.jenkins.plugins.mlcicd.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a Jackson or SnakeYAML message into the user's language: no Java type names
 * ({@code java.util.ArrayList<…$ColumnRule>}), no parser feature names ({@code FAIL_ON_TRAILING_TOKENS},
 * {@code StreamReadFeature}, {@code StreamReadConstraints}), no source dumps.
 */
public final class JsonMessages {
    private static final Pattern DESERIALIZE = Pattern.compile(
            "Cannot (?:deserialize|construct instance of) (?:value of type )?`([^`]*)`(?: from ([^(:]*?))?(?: \\(.*)?(?::.*)?$");
    private static final Pattern COERCE = Pattern.compile("Cannot coerce (?:Floating-point|Integer|String|[A-Za-z-]+) value \\(([^)]*)\\) to `([^`]*)`");
    private static final Pattern EXPECTS = Pattern.compile("expects (\\w+) [Vv]alue, got (\\w+) [Vv]alue");
    private static final Pattern CODE = Pattern.compile(" \\(code -?\\d+\\)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");
    private static final Pattern DEPTH = Pattern.compile("nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern NUMBER_LENGTH = Pattern.compile("Number value length .*maximum allowed \\((\\d+)");
    private static final Pattern STRING_LENGTH = Pattern.compile("String value length .*maximum allowed \\((\\d+)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("end-of-input: expected close marker for (Array|Object)");
    private static final Pattern CONTROL = Pattern.compile("Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private JsonMessages() {
    }

    public static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "invalid content";
        }
        String text = message.lines().findFirst().orElse("").strip();
        int source = text.indexOf(" at [Source:");
        if (source > 0) {
            text = text.substring(0, source).strip();
        }
        text = text.replaceAll(" \\(through reference chain:.*$", "");
        Matcher m = DEPTH.matcher(text);
        if (m.find()) {
            return "nested deeper than " + m.group(2) + " levels";
        }
        m = NUMBER_LENGTH.matcher(text);
        if (m.find()) {
            return "a number longer than " + m.group(1) + " characters";
        }
        m = STRING_LENGTH.matcher(text);
        if (m.find()) {
            return "a text value longer than " + m.group(1) + " characters";
        }
        if (text.contains("FAIL_ON_TRAILING_TOKENS") || text.startsWith("Trailing token")) {
            return "unexpected content after the end of the document";
        }
        if (text.contains("ALLOW_COMMENTS") || text.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        m = CONTROL.matcher(text);
        if (m.find()) {
            return "a control character (code " + m.group(2) + ") " + (m.group(1) == null
                    ? "between values" : "inside a text value; write it escaped, e.g. \\u" + String.format("%04x", Integer.parseInt(m.group(2))));
        }
        if (text.contains("end-of-input within/between Object entries")) {
            return "the text ends before an object {...} is closed";
        }
        m = CLOSE_MARKER.matcher(text);
        if (m.find()) {
            return "the text ends before " + (m.group(1).equals("Array") ? "a list [...]" : "an object {...}") + " is closed";
        }
        if (text.startsWith("Non-standard token")) {
            return text.replaceAll(":.*$", "") .replace("Non-standard token", "not a JSON value:")
                    + " (write null for a missing value)";
        }
        if (text.startsWith("Duplicate field")) {
            return text.replace("Duplicate field", "duplicate key");
        }
        m = EXPECTS.matcher(text);
        if (m.find()) {
            return "expected " + jsonKind(m.group(1)) + ", got " + jsonKind(m.group(2));
        }
        m = COERCE.matcher(text);
        if (m.find()) {
            return "expected " + typeName(m.group(2)) + ", got " + m.group(1);
        }
        m = DESERIALIZE.matcher(text);
        if (m.find()) {
            String from = m.group(2) == null ? "" : m.group(2).strip();
            return "expected " + typeName(m.group(1)) + (from.isEmpty() ? "" : ", got " + from.replace(" value", "")
                    .replace("Array", "a list").replace("Object", "an object").replace("String", "a text value"));
        }
        text = CODE.matcher(text).replaceAll("");
        m = BACKTICKED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).contains(".") ? typeName(m.group(1)) : "'" + m.group(1) + "'"));
        }
        m.appendTail(out);
        return out.toString()
                .replace("StreamReadFeature", "parser option")
                .replace("JsonReadFeature", "parser option");
    }

    private static String jsonKind(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "string" -> "a text value";
            case "array" -> "a list";
            case "object" -> "an object";
            case "number", "int", "integer", "float" -> "a number";
            case "boolean" -> "true or false";
            case "null" -> "nothing (null)";
            default -> word;
        };
    }

    /** A Java type as the user wrote it in the file: a list, an object, a number, text. */
    static String typeName(String javaType) {
        String type = javaType.strip();
        if (type.matches("(?s).*(List|Set|Collection|\\[\\]).*")) {
            return "a list";
        }
        if (type.matches("(?s).*(Map|Node|Record|Rule|Spec|Contract|Policy|\\$).*") && !type.startsWith("java.lang")) {
            return "an object";
        }
        return switch (type.replaceAll("^java\\.lang\\.", "")) {
            case "int", "Integer", "long", "Long", "short", "Short", "java.math.BigInteger" -> "a whole number";
            case "double", "Double", "float", "Float", "java.math.BigDecimal", "Number" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "String", "char", "Character", "CharSequence" -> "a text value";
            default -> type.contains(".") ? "a value of another kind" : type;
        };
    }
}
