package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTablesTest {
    private static final DataSource.Jdbc DEFAULT_NAMES = new DataSource.Jdbc("jdbc:duckdb:", "t", null, null, null);

    @TempDir
    Path dir;

    @Test
    void theLoginComesFromTheSecretsFileBeforeTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("secrets.json"), "{\"MLCICD_JDBC_PASSWORD\":\"from-file\"}");
        Map<String, String> environment = Map.of(Secrets.FILE_ENV, file.toString(),
                "MLCICD_JDBC_USER", "reader", "MLCICD_JDBC_PASSWORD", "from-env");

        JdbcTables.Login login = JdbcTables.login(DEFAULT_NAMES, environment);

        assertThat(login.user()).isEqualTo("reader");
        assertThat(login.password()).isEqualTo("from-file");
        assertThat(login.toString()).doesNotContain("from-file");
    }

    @Test
    void withoutASecretsFileTheNamedVariablesAreTheLogin() {
        DataSource.Jdbc named = new DataSource.Jdbc("jdbc:duckdb:", "t", null, "DB_USER", "DB_PASS");

        JdbcTables.Login login = JdbcTables.login(named, Map.of("DB_USER", "u", "DB_PASS", "p", "MLCICD_JDBC_USER", "other"));

        assertThat(login).isEqualTo(new JdbcTables.Login("u", "p"));
        assertThat(JdbcTables.login(DEFAULT_NAMES, Map.of())).isEqualTo(new JdbcTables.Login(null, null));
    }
    @Test
    void aPasswordIsFoundAsAParameterOrInTheUserInfo() {
        assertThat(JdbcTables.holdsPassword("jdbc:postgresql://db:5432/wh?password=x")).isTrue();
        assertThat(JdbcTables.holdsPassword("jdbc:postgresql://db/wh?user=ml&Password=x")).isTrue();
        assertThat(JdbcTables.holdsPassword("jdbc:sqlserver://db;databaseName=wh;password=x")).isTrue();
        assertThat(JdbcTables.holdsPassword("jdbc:postgresql://ml:secret@db/wh")).isTrue();
        assertThat(JdbcTables.holdsPassword("jdbc:postgresql://db/wh?user=ml")).isFalse();
        assertThat(JdbcTables.holdsPassword("jdbc:postgresql://ml@db/wh")).isFalse();
        assertThat(JdbcTables.holdsPassword("jdbc:duckdb:/data/features.duckdb")).isFalse();
    }

    @Test
    void aPasswordADriverEchoesNeverReachesTheMessage() {
        BadInputException echoed = JdbcTables.connectionFailed("jdbc:postgresql://db/wh",
                new SQLException("login failed for ml with s3cr3t!\nmore"), "s3cr3t!");
        assertThat(echoed.getMessage()).isEqualTo("jdbc:postgresql://db/wh: cannot connect: login failed for ml with ***");
        assertThat(echoed.getCause()).isNull();
        SQLException refused = new SQLException("Connection refused");
        assertThat(JdbcTables.connectionFailed("jdbc:postgresql://db/wh", refused, "s3cr3t!").getCause()).isSameAs(refused);
        assertThat(JdbcTables.connectionFailed("jdbc:postgresql://db/wh", refused, "").getMessage()).endsWith("Connection refused");
    }

    @Test
    void redactedUrlsKeepNeitherUserInfoNorPassword() {
        assertThat(JdbcTables.redact("jdbc:postgresql://ml:secret@db/wh?password=x")).doesNotContain("secret").doesNotContain("=x");
    }
}
