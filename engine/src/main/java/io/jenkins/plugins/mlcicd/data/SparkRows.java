package io.jenkins.plugins.mlcicd.data;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The collected rows of a Spark query as a forward-only {@link ResultSet}, so the checks read Spark results
 * with the code that reads JDBC results. Only what that code calls is answered — {@code next}, the
 * by-index getters of numbers, text and booleans, {@code wasNull}, {@code close}; anything else throws,
 * so a new call surfaces in the Spark integration test instead of misreading a value. A dynamic proxy,
 * because ResultSet has some two hundred methods and these results are a few aggregate rows.
 */
final class SparkRows implements InvocationHandler {
    private final List<Object[]> rows;
    private int position = -1;
    private boolean lastWasNull;

    private SparkRows(List<Object[]> rows) {
        this.rows = rows;
    }

    static ResultSet of(List<Object[]> rows) {
        return (ResultSet) Proxy.newProxyInstance(SparkRows.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                new SparkRows(rows));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws SQLException {
        String name = method.getName();
        switch (name) {
            case "next":
                position++;
                return position < rows.size();
            case "close":
                return null;
            case "isClosed":
                return false;
            case "wasNull":
                return lastWasNull;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "Spark rows (" + rows.size() + ")";
            default:
                break;
        }
        if (args == null || args.length != 1 || !(args[0] instanceof Integer index)) {
            throw new SQLException("ResultSet." + name + " is not answered for Spark results");
        }
        Object value = value(index);
        return switch (name) {
            case "getObject" -> value;
            case "getString" -> value == null ? null : text(value);
            case "getLong" -> value == null ? 0L : number(value, name).longValue();
            case "getInt" -> value == null ? 0 : number(value, name).intValue();
            case "getDouble" -> value == null ? 0.0 : number(value, name).doubleValue();
            case "getBoolean" -> value != null && (value instanceof Boolean b ? b : number(value, name).doubleValue() != 0);
            default -> throw new SQLException("ResultSet." + name + " is not answered for Spark results");
        };
    }

    private Object value(int index) throws SQLException {
        if (position < 0 || position >= rows.size()) {
            throw new SQLException("no current row");
        }
        Object[] row = rows.get(position);
        if (index < 1 || index > row.length) {
            throw new SQLException("no column " + index + " (of " + row.length + ")");
        }
        Object value = row[index - 1];
        lastWasNull = value == null;
        return value;
    }

    private static Number number(Object value, String getter) throws SQLException {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new SQLException(getter + " of '" + s + "'", e);
            }
        }
        throw new SQLException(getter + " of a " + value.getClass().getSimpleName());
    }

    /** Numbers as Java prints them (what DuckDB's JDBC getString gives too), everything else as Spark renders it. */
    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
