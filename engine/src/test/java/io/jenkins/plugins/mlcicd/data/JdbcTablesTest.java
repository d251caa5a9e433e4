package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;

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
    void redactedUrlsKeepNeitherUserInfoNorPassword() {
        assertThat(JdbcTables.redact("jdbc:postgresql://ml:secret@db/wh?password=x")).doesNotContain("secret").doesNotContain("=x");
    }
}
