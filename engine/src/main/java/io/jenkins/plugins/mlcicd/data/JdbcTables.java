package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Secrets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tables and queries in a database as {@link DataTable}s. Nothing is copied out: the checks and
 * profiles run as SQL in the database and only aggregates (and at most a few sample rows) come back.
 */
public final class JdbcTables {
    private JdbcTables() {
    }

    /** The dialect for a JDBC URL; databases without one are refused with a clear message. */
    public static SqlDialect dialectFor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return PostgresDialect.INSTANCE;
        }
        if (url.startsWith("jdbc:duckdb:")) {
            return DuckDbDialect.INSTANCE;
        }
        throw new BadInputException(redact(url) + ": no SQL dialect for this database yet (supported: postgresql, duckdb)");
    }

    /**
     * Connects with the user and password the source names, resolved as named secrets ({@link Secrets}):
     * from the secrets file of the run ({@value Secrets#FILE_ENV}, how the Jenkins plugin hands them
     * over), else from the environment variable of that name (how a terminal user does).
     */
    public static Connection connect(DataSource.Jdbc source, Map<String, String> environment) {
        dialectFor(source.url());
        if (holdsPassword(source.url())) {
            throw new BadInputException(redact(source.url()) + ": put the password in the environment variable "
                    + passwordEnv(source) + ", not in the URL");
        }
        Login login = login(source, environment);
        try {
            return login.user() == null ? DriverManager.getConnection(source.url())
                    : DriverManager.getConnection(source.url(), login.user(), login.password());
        } catch (SQLException e) {
            throw connectionFailed(source.url(), e, login.password());
        }
    }

    /** A database login; either part may be absent (null). */
    record Login(String user, String password) {
        @Override
        public String toString() {
            return "login of " + user;
        }
    }

    /** The source's user and password from the secrets file or the environment; absent ones are null. */
    static Login login(DataSource.Jdbc source, Map<String, String> environment) {
        Secrets secrets = Secrets.of(environment::get);
        String user = secrets.find(source.userEnv() == null ? DataSource.Jdbc.DEFAULT_USER_ENV : source.userEnv()).orElse(null);
        return new Login(user, secrets.find(passwordEnv(source)).orElse(null));
    }

    /**
     * The one-line error of a failed connection. A driver that repeats the password in its message must not
     * put it into a build log: it is replaced, and the driver's exception (printed by {@code --debug}) dropped.
     */
    static BadInputException connectionFailed(String url, SQLException e, String password) {
        String message = firstLine(e.getMessage());
        boolean echoed = password != null && !password.isEmpty() && message.contains(password);
        return new BadInputException(redact(url) + ": cannot connect: " + (echoed ? message.replace(password, "***") : message),
                echoed ? null : e);
    }

    private static String passwordEnv(DataSource.Jdbc source) {
        return source.passwordEnv() == null ? DataSource.Jdbc.DEFAULT_PASSWORD_ENV : source.passwordEnv();
    }

    /** The FROM expression of a table name (each dotted part quoted) or a query. */
    public static String from(DataSource.Jdbc source, SqlDialect dialect) {
        if ((source.table() == null) == (source.query() == null)) {
            throw new BadInputException(redact(source.url()) + ": give either a table or a query");
        }
        if (source.table() != null) {
            return Arrays.stream(source.table().split("\\."))
                    .map(dialect::identifier)
                    .collect(Collectors.joining("."));
        }
        String query = source.query().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        return "(" + query + ") AS mlcicd_query";
    }

    /** The columns of a table or query, from the metadata of a query that returns no rows. */
    public static List<SourceColumn> describe(Connection connection, String source, String from) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + from + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<SourceColumn> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String type = meta.getColumnTypeName(i);
                ColumnType inferred = ColumnType.fromSqlType(type);
                boolean text = inferred == ColumnType.STRING;
                columns.add(new SourceColumn(meta.getColumnLabel(i), type, inferred, text));
            }
            return columns;
        } catch (SQLException e) {
            throw DataErrors.describe(source, e);
        }
    }

    /** A password as a URL parameter ({@code ?password=}, {@code ;password=}). */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;]password=");
    /** A password in the URL's user info: {@code //user:secret@host}. */
    private static final Pattern PASSWORD_USER_INFO = Pattern.compile("//[^/@]*:[^/@]*@");

    /**
     * True when a JDBC URL carries a password, as a parameter or in its user info: it would then be on
     * command lines and in logs, so it must come from the environment instead.
     */
    public static boolean holdsPassword(String url) {
        return PASSWORD_PARAMETER.matcher(url).find() || PASSWORD_USER_INFO.matcher(url).find();
    }

    /** A JDBC URL with any user info or password parameter removed, for messages. */
    public static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }
}
