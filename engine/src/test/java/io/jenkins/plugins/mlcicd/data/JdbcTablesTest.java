package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class JdbcTablesTest {
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
