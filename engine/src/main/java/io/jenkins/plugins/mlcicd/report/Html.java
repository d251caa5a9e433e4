package io.jenkins.plugins.mlcicd.report;

import java.util.Locale;

/**
 * Escaping for HTML text and attribute values; every user-controlled string goes through it.
 *
 * <p>Besides markup, {@link #escape} neutralises bidirectional formatting characters (embeddings,
 * overrides, isolates and marks: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). Such a
 * character inside a metric or column name reorders what follows it on the line, so a report could
 * display a threshold of 0.1 as "1.0". They are shown instead as a visible {@code ⟦U+202E⟧}, which
 * works in text, attribute values and SVG titles alike. {@link #text} additionally isolates a string
 * in {@code <bdi>}, so that right-to-left names cannot reorder the numbers next to them.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
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
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isBidiControl(c)) {
                        out.append(visible(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A user string as HTML element content: escaped and isolated for bidirectional text. */
    public static String text(String text) {
        return "<bdi>" + escape(text) + "</bdi>";
    }

    /** Whether {@code c} changes the direction of the text around it. */
    public static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /** How a bidirectional control reads on the page, e.g. {@code ⟦U+202E⟧}. */
    public static String visible(char c) {
        return "⟦U+" + String.format(Locale.ROOT, "%04X", (int) c) + "⟧";
    }
}
