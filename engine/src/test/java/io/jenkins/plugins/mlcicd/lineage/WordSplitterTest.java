package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import org.junit.jupiter.api.Test;

class WordSplitterTest {
    @Test
    void blanksSeparateWordsAndRunsOfBlanksCountOnce() {
        assertThat(WordSplitter.split("  python3\ttrain.py   --out  out/ \n")).containsExactly("python3", "train.py", "--out", "out/");
    }

    @Test
    void singleQuotesAreLiteralIncludingBackslashesAndDollars() {
        assertThat(WordSplitter.split("echo 'a b' 'c\\d' '$HOME'")).containsExactly("echo", "a b", "c\\d", "$HOME");
    }

    @Test
    void doubleQuotesEscapeOnlyTheFourSpecialCharacters() {
        assertThat(WordSplitter.split("x \"a \\\"b\\\" \\$c \\\\ \\n\"")).containsExactly("x", "a \"b\" $c \\ \\n");
    }

    @Test
    void quotesJoinAdjacentTextIntoOneWord() {
        assertThat(WordSplitter.split("--name=\"my model\"'s'x")).containsExactly("--name=my models" + "x");
    }

    @Test
    void emptyQuotesGiveAnEmptyWord() {
        assertThat(WordSplitter.split("cmd '' \"\" end")).containsExactly("cmd", "", "", "end");
    }

    @Test
    void backslashOutsideQuotesEscapesTheNextCharacterAndContinuesLines() {
        assertThat(WordSplitter.split("a\\ b c\\\nd \\'")).containsExactly("a b", "cd", "'");
    }

    @Test
    void shellOperatorsAndExpansionsAreOrdinaryCharacters() {
        assertThat(WordSplitter.split("echo $HOME *.py | wc > out; ~")).containsExactly("echo", "$HOME", "*.py", "|", "wc", ">", "out;", "~");
    }

    @Test
    void unterminatedQuotesAndTrailingBackslashAreBadInputWithTheColumn() {
        assertThatThrownBy(() -> WordSplitter.split("python 'train.py")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unterminated single quote").hasMessageContaining("column 8");
        assertThatThrownBy(() -> WordSplitter.split("python \"train.py")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unterminated double quote");
        assertThatThrownBy(() -> WordSplitter.split("python \\")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("trailing backslash");
    }

    @Test
    void blankLineHasNoWords() {
        assertThat(WordSplitter.split("  \t ")).isEmpty();
    }
}
