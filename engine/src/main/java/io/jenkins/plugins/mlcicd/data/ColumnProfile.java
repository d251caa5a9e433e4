package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a profile knows about one column: enough to show it, to infer a contract from it, and to serve
 * as the reference of drift checks without the data it was computed from.
 *
 * @param name         column name
 * @param type         the type it was read as
 * @param rows         rows in the dataset
 * @param count        non-null values that parsed as {@code type} (NaN included)
 * @param nulls        null values
 * @param invalid      values that did not parse as {@code type} (reported, never counted as null)
 * @param nan          NaN values (numeric columns)
 * @param min          smallest value (NaN excluded); text for non-numeric columns in {@code minText}
 * @param max          largest value
 * @param minText      smallest value as text (strings, dates, timestamps, booleans)
 * @param maxText      largest value as text
 * @param mean         mean (numeric)
 * @param std          population standard deviation (ddof = 0, as numpy's default)
 * @param quantiles    level → value (numpy 'linear'), levels 0.01, 0.05, 0.1 … 0.9, 0.95, 0.99
 * @param distinct     distinct values (an estimate for large data: HyperLogLog)
 * @param top          the 20 most frequent values with their counts
 * @param histogram    10 bins on the reference's deciles (numeric)
 * @param distribution the full distribution when small, else a 1001-point quantile sketch (numeric);
 *                     category counts (categorical)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(
        String name,
        ColumnType type,
        long rows,
        long count,
        long nulls,
        long invalid,
        Long nan,
        Double min,
        Double max,
        String minText,
        String maxText,
        Double mean,
        Double std,
        Map<String, Double> quantiles,
        Long distinct,
        List<ValueCount> top,
        Histogram histogram,
        Distribution distribution) {

    /** A value and how often it occurs. */
    public record ValueCount(String value, long count) {
    }

    /**
     * Counts in the bins of {@code edges}: bin i holds values with i edges ≤ x (edges.length + 1 bins).
     */
    public record Histogram(double[] edges, long[] counts) {
    }

    /**
     * A distribution for drift: numeric {@code values} ascending with {@code counts} (exact when
     * {@code exact}, else equally weighted quantile points), or categorical {@code categories} with the
     * count of all values beyond the stored ones in {@code otherCount}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distribution(Boolean exact, double[] values, long[] counts, List<ValueCount> categories, Long otherCount) {
    }

    /** Numbers: numeric type. */
    public boolean numeric() {
        return type.isNumeric();
    }

    /** Values with a number (not null, not NaN). */
    public long finiteCount() {
        return count - (nan == null ? 0 : nan);
    }
}
