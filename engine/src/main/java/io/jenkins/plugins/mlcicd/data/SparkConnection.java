package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Secrets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.RetryPolicy;
import org.apache.spark.sql.connect.client.SparkConnectClient;
import org.apache.spark.sql.types.StructField;
import scala.Option;

/**
 * One Spark Connect session: the SQL of the checks runs in the cluster, {@link #query} collects the (small)
 * result. Opening checks the server is reachable and the token accepted, so a wrong address or token is one
 * clear line before any work, not a retry loop.
 */
final class SparkConnection implements QueryRunner, AutoCloseable {
    /** Spark Connect's default port. */
    static final int DEFAULT_PORT = 15002;
    /** Seconds to wait for the server's TCP port. */
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** Retries of a failed call (gRPC UNAVAILABLE and the like): Spark's default waits minutes. */
    private static final int MAX_RETRIES = 3;
    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)[;?&]token=");
    private static final String LOG_CONFIG = "io/jenkins/plugins/mlcicd/data/spark-log4j2.properties";

    private final String url;
    private final SparkSession session;
    private final String token;
    private final List<String> views = new ArrayList<>();

    private SparkConnection(String url, SparkSession session, String token) {
        this.url = url;
        this.session = session;
        this.token = token;
    }

    /**
     * Connects to {@code source.url()} with the token named by {@code source.tokenEnv()} (from the run's secrets
     * file or the environment). A token goes over TLS (the client's rule), except to a server on this machine's
     * loopback without {@code use_ssl=true}, where it is sent as the same bearer header in the clear.
     */
    static SparkConnection open(DataSource.Spark source, Map<String, String> environment) {
        String url = source.url();
        if (TOKEN_PARAMETER.matcher(url).find()) {
            throw new BadInputException(redact(url) + ": put the token in the environment variable "
                    + tokenEnv(source) + " (or a credential), not in the URL");
        }
        Endpoint endpoint = endpoint(url);
        String token = Secrets.of(environment::get).find(tokenEnv(source)).orElse(null);
        reachable(url, endpoint);
        quietLogging();
        SparkSession session = null;
        try {
            SparkConnectClient.Builder builder = SparkConnectClient.builder().connectionString(url)
                    .userAgent("mlcicd").retryPolicy(boundedRetries());
            if (token != null && !token.isEmpty()) {
                boolean tls = url.toLowerCase(Locale.ROOT).contains("use_ssl=true");
                if (endpoint.loopback() && !tls) {
                    builder.option("authorization", "Bearer " + token);
                } else {
                    builder.token(token);
                }
            }
            session = SparkSession.builder().client(builder.build()).create();
            // The first call: refuses a wrong token here, with the server's words.
            session.version();
            session.conf().set("spark.sql.session.timeZone", "UTC");
            return new SparkConnection(url, session, token);
        } catch (Exception e) {
            if (session != null) {
                closeQuietly(session);
            }
            throw new BadInputException(redact(url) + ": cannot connect: " + message(e, token), null);
        }
    }

    private static String tokenEnv(DataSource.Spark source) {
        return source.tokenEnv() == null ? DataSource.Spark.DEFAULT_TOKEN_ENV : source.tokenEnv();
    }

    record Endpoint(String host, int port, boolean loopback) {
    }

    static Endpoint endpoint(String url) {
        if (!url.startsWith("sc://")) {
            throw new BadInputException(redact(url) + ": a Spark Connect URL starts with sc:// (sc://host:15002)");
        }
        try {
            String authority = url.substring("sc://".length()).split("[/;]", 2)[0];
            URI uri = new URI("sc://" + authority);
            if (uri.getHost() == null) {
                throw new BadInputException(redact(url) + ": no host in the Spark Connect URL (sc://host:15002)");
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            boolean loopback;
            try {
                loopback = InetAddress.getByName(uri.getHost()).isLoopbackAddress();
            } catch (IOException e) {
                throw new BadInputException(redact(url) + ": cannot resolve host " + uri.getHost());
            }
            return new Endpoint(uri.getHost(), port, loopback);
        } catch (URISyntaxException e) {
            throw new BadInputException(redact(url) + ": not a Spark Connect URL: " + e.getReason());
        }
    }

    /** A plain TCP connect first: gRPC would retry an absent server for minutes. */
    private static void reachable(String url, Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new BadInputException(redact(url) + ": cannot connect to " + endpoint.host() + ":" + endpoint.port()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static RetryPolicy boundedRetries() {
        RetryPolicy p = RetryPolicy.defaultPolicy();
        return p.copy(Option.apply((Object) MAX_RETRIES), p.initialBackoff(), p.maxBackoff(), p.backoffMultiplier(),
                p.jitter(), p.minJitterThreshold(), p.canRetry(), p.name());
    }

    /**
     * The client logs through log4j 2 at INFO by default, onto the engine's stderr; its warnings (e.g. a server
     * that cannot release a session) are not the user's business. A configuration the user set wins.
     */
    private static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
    }

    @Override
    public void query(String sql, DataTable.RowHandler handler) throws SQLException {
        List<Object[]> rows = collect(sql);
        ResultSet rs = SparkRows.of(rows);
        while (rs.next()) {
            handler.row(rs);
        }
    }

    /** The rows of a query, as Java values (Long, Double, String, Boolean, BigDecimal, …). */
    List<Object[]> collect(String sql) throws SQLException {
        try {
            Dataset<Row> data = session.sql(sql);
            // Unnamed expressions are named by their text, so `SELECT 0, 0` has two columns `0`, which the client's
            // decoder cannot tell apart: renamed by position first (the server projects attributes, not names).
            String[] names = new String[data.columns().length];
            for (int i = 0; i < names.length; i++) {
                names[i] = "c" + i;
            }
            List<Row> result = data.toDF(names).collectAsList();
            List<Object[]> rows = new ArrayList<>(result.size());
            for (Row row : result) {
                Object[] values = new Object[row.length()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(i);
                }
                rows.add(values);
            }
            return rows;
        } catch (Exception e) {
            throw new SQLException(message(e, token), e);
        }
    }

    /** The columns of a FROM expression (table, view), from the plan's schema: no rows are read. */
    List<SourceColumn> describe(String source, String from) {
        try {
            List<SourceColumn> columns = new ArrayList<>();
            for (StructField field : session.sql("SELECT * FROM " + from).schema().fields()) {
                String type = field.dataType().simpleString();
                ColumnType inferred = ColumnType.fromSqlType(type);
                columns.add(new SourceColumn(field.name(), type, inferred, type.equalsIgnoreCase("string")));
            }
            return columns;
        } catch (Exception e) {
            throw new BadInputException(source + ": " + message(e, token), null);
        }
    }

    /** Registers a query's result as a session-scoped temporary view (dropped on close). */
    String viewOfQuery(String source, String name, String query) {
        return view(source, name, () -> session.sql(query));
    }

    /**
     * Registers files as a temporary view: Parquet and JSON Lines typed as their readers type them, CSV as text
     * with a header row (the contract's types parse it, as for DuckDB's CSV reading).
     */
    String viewOfFiles(String source, String name, String path, String format) {
        return view(source, name, () -> {
            var reader = session.read().format(format);
            if (format.equals("csv")) {
                reader = reader.option("header", "true").option("inferSchema", "false");
            }
            return reader.load(path);
        });
    }

    /** A view of the files with each row's 1-based position in its file and the file's name (Parquet only). */
    String viewOfParquetRows(String source, String name, String path) {
        return view(source, name, () -> session.read().format("parquet").load(path)
                .selectExpr("*", "_metadata.row_index + 1 AS __row", "_metadata.file_path AS __file"));
    }

    private String view(String source, String name, java.util.function.Supplier<Dataset<Row>> data) {
        try {
            data.get().createOrReplaceTempView(name);
            views.add(name);
            return SparkDialect.INSTANCE.identifier(name);
        } catch (Exception e) {
            throw new BadInputException(source + ": " + message(e, token), null);
        }
    }

    /** The first line of a Spark error that says something, without gRPC's class name; never the token. */
    static String message(Throwable e, String token) {
        String text = null;
        for (Throwable t = e; t != null && text == null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                text = m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
            }
        }
        if (text == null) {
            text = e.getClass().getSimpleName();
        }
        text = text.replaceFirst("^[\\w.$]*StatusRuntimeException: ", "").replaceFirst("\\s*SQLSTATE: \\w+\\.?", "");
        return token == null || token.isEmpty() ? text : text.replace(token, "***");
    }

    /** A URL with its parameters that may hold secrets blanked, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(token|password|authorization)=[^;&]*", "$1=***");
    }

    @Override
    public void close() {
        for (String view : views) {
            try {
                session.catalog().dropTempView(view);
            } catch (Exception ignored) {
                // the session ends below, and its temporary views with it
            }
        }
        closeQuietly(session);
    }

    private static void closeQuietly(SparkSession session) {
        try {
            session.close();
        } catch (Exception ignored) {
            // releasing the server's session after the work is done; nothing to recover
        }
    }

    @Override
    public String toString() {
        return "Spark Connect session at " + redact(url);
    }
}
