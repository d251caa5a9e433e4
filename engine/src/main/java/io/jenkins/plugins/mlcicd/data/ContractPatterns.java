package io.jenkins.plugins.mlcicd.data;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.jenkins.plugins.mlcicd.input.BadInputException;

/**
 * Checks a contract's {@code pattern} with RE2, the syntax DuckDB's {@code regexp_full_match} runs it with,
 * when the contract is loaded. Java's regex engine would accept back-references, look-arounds and possessive
 * quantifiers that then fail at run time, blamed on the data, and reads {@code [a-z&&[^b]]} as a class
 * intersection where RE2 reads the {@code &&} literally. RE2 runs in time linear in the input, so no pattern
 * can backtrack catastrophically.
 */
final class ContractPatterns {
    private ContractPatterns() {
    }

    /** @param key the contract key, e.g. {@code columns[2] (country).pattern}, named in every error */
    static void check(String key, String pattern) {
        if (pattern.isEmpty()) {
            throw new BadInputException(key + ": empty pattern; leave the key out to allow any text");
        }
        if (pattern.contains("&&[")) {
            throw new BadInputException(key + ": '&&' inside a character class is a literal '&' in RE2 (the engine that runs "
                    + "patterns), not a class intersection; list the characters, e.g. [ac-z] for [a-z&&[^b]]");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(key + ": not a valid RE2 regular expression (the syntax DuckDB runs): "
                    + e.getDescription() + explain(pattern));
        }
    }

    /** The usual reason a pattern that works elsewhere is not RE2. */
    private static String explain(String pattern) {
        if (pattern.matches("(?s).*\\(\\?<?[=!].*")) {
            return " — RE2 has no look-ahead or look-behind";
        }
        if (pattern.matches("(?s).*\\\\[1-9].*")) {
            return " — RE2 has no back-references";
        }
        if (pattern.matches("(?s).*[*+?}]\\+.*")) {
            return " — RE2 has no possessive quantifiers (drop the second '+')";
        }
        if (pattern.contains("(?>")) {
            return " — RE2 has no atomic groups";
        }
        return "";
    }
}
