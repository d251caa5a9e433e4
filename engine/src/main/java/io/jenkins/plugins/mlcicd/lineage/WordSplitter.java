package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell tokenizes a simple command, without
 * running a shell: blanks separate words; {@code '...'} quotes everything literally;
 * {@code "..."} quotes, with backslash escaping only {@code \ " $ `} and newline; a backslash
 * outside quotes makes the next character literal; {@code ''} and {@code ""} give an empty word.
 * There is no expansion of any kind ({@code $VAR}, {@code *}, {@code ~}) and no operators
 * ({@code |}, {@code >}, {@code ;}): those characters are ordinary. Users who need a shell say
 * {@code --shell}.
 */
public final class WordSplitter {
    private WordSplitter() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unterminated(line, "single quote", i);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new BadInputException("command: trailing backslash at column " + (i + 1) + " in: " + line);
                }
                char next = line.charAt(i + 1);
                if (next != '\n') { // backslash-newline is a line continuation
                    word.append(next);
                    inWord = true;
                }
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the content of the double-quoted string opening at {@code open}; returns the index after its end. */
    private static int doubleQuoted(String line, int open, StringBuilder word) {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == '\\' || next == '"' || next == '$' || next == '`') {
                    word.append(next);
                    i += 2;
                    continue;
                }
                if (next == '\n') {
                    i += 2;
                    continue;
                }
            }
            word.append(c);
            i++;
        }
        throw unterminated(line, "double quote", open);
    }

    private static BadInputException unterminated(String line, String what, int at) {
        return new BadInputException("command: unterminated " + what + " opened at column " + (at + 1) + " in: " + line);
    }
}
