package io.jenkins.plugins.mlcicd.input;

/**
 * Shows a user-supplied name in a message without letting it rewrite the message: control characters
 * (NUL, newlines, escape sequences) and Unicode bidirectional controls (RTL overrides, which make
 * {@code evil\u202Egpj.exe} read as {@code evilexe.jpg}) are written as {@code \\uXXXX}.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} in single quotes, with invisible and direction-changing characters escaped. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || isBidiControl(c) || c == 0xFEFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }

    static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
