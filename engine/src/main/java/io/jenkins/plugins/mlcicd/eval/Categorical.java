package io.jenkins.plugins.mlcicd.eval;

/**
 * A categorical column as dictionary codes: row i has value {@code levels[codes[i]]}.
 *
 * @param column the column's name
 * @param levels distinct values in order of first appearance; a missing value is {@link #MISSING}
 * @param codes  one code per row
 */
public record Categorical(String column, String[] levels, int[] codes) {
    /** How a missing (SQL NULL) value is named in slice keys and group tables. */
    public static final String MISSING = "<null>";

    public int levelCount() {
        return levels.length;
    }

    /** The same column restricted to (and reordered as) {@code rows}. */
    Categorical select(int[] rows) {
        int[] selected = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            selected[i] = codes[rows[i]];
        }
        return new Categorical(column, levels, selected);
    }
}
