package io.jenkins.plugins.mlcicd.stats;

/**
 * Pearson's chi-square test of independence on a contingency table, as
 * {@code scipy.stats.chi2_contingency(table, correction=False)} computes it.
 */
public final class ChiSquare {
    /**
     * @param statistic Σ (observed − expected)² / expected
     * @param dof       degrees of freedom, (rows − 1)(columns − 1) after dropping empty rows/columns
     * @param pValue    P(χ²_dof ≥ statistic); 1 when dof is 0 (nothing to compare)
     */
    public record Result(double statistic, int dof, double pValue) {
    }

    private ChiSquare() {
    }

    /** Survival function of the chi-square distribution: P(χ²_dof ≥ x). */
    public static double survival(double x, double dof) {
        if (!(dof > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be > 0, was " + dof);
        }
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedQ(dof / 2, x / 2);
    }

    /**
     * Test of independence without Yates' correction. Rows or columns whose total is zero carry no
     * information and would make an expected frequency zero; they are dropped (scipy would refuse
     * the table instead).
     */
    public static Result contingency(long[][] table) {
        int rows = table.length;
        if (rows == 0) {
            throw new IllegalArgumentException("empty contingency table");
        }
        int columns = table[0].length;
        double[] rowTotals = new double[rows];
        double[] columnTotals = new double[columns];
        double total = 0;
        for (int i = 0; i < rows; i++) {
            if (table[i].length != columns) {
                throw new IllegalArgumentException("ragged contingency table");
            }
            for (int j = 0; j < columns; j++) {
                if (table[i][j] < 0) {
                    throw new IllegalArgumentException("negative count in contingency table");
                }
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
                total += table[i][j];
            }
        }
        int usedRows = 0;
        for (double t : rowTotals) {
            usedRows += t > 0 ? 1 : 0;
        }
        int usedColumns = 0;
        for (double t : columnTotals) {
            usedColumns += t > 0 ? 1 : 0;
        }
        int dof = (usedRows - 1) * (usedColumns - 1);
        if (dof <= 0) {
            return new Result(0, 0, 1);
        }
        double statistic = 0;
        for (int i = 0; i < rows; i++) {
            if (rowTotals[i] == 0) {
                continue;
            }
            for (int j = 0; j < columns; j++) {
                if (columnTotals[j] == 0) {
                    continue;
                }
                double expected = rowTotals[i] * columnTotals[j] / total;
                double diff = table[i][j] - expected;
                statistic += diff * diff / expected;
            }
        }
        return new Result(statistic, dof, survival(statistic, dof));
    }

    /** The 2×K case drift uses: reference counts against current counts over the same categories. */
    public static Result twoSample(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("category counts differ in length");
        }
        return contingency(new long[][] {reference, current});
    }
}
