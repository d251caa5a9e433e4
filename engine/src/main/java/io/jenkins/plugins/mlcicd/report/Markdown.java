package io.jenkins.plugins.mlcicd.report;

/**
 * Escaping for Markdown as GitHub, GitLab and Bitbucket render it (CommonMark with GFM tables and
 * autolinks): a user string (a column, slice, model or metric name, a message quoting data) stays
 * text. It cannot open a link, an image, an HTML tag, emphasis or a table cell, and it is not turned
 * into a link by autolinking; line breaks become spaces (one cell, one line); bidirectional and other
 * control characters are shown as {@code [U+202E]} instead of reordering what follows.
 */
public final class Markdown {
    /** Breaks GFM's autolink recognition without changing what a reader sees. */
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private Markdown() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r', '\n', '\t' -> out.append(' ');
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '!', '|', '~', '"' -> out.append('\\').append(c);
                default -> {
                    if (isHidden(c)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\[U+%04X\\]", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString()
                .replace("://", ":" + ZERO_WIDTH_SPACE + "//")
                .replace("www.", "www" + ZERO_WIDTH_SPACE + ".")
                .replace("@", "@" + ZERO_WIDTH_SPACE);
    }

    /** Controls and the characters that reorder or hide text (bidi embeddings, overrides and isolates, marks). */
    private static boolean isHidden(char c) {
        return Character.isISOControl(c)
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
