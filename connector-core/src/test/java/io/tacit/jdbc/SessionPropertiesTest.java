package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.RunContext;
import io.tacit.model.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The driver properties every source session gets: timeouts, keep-alive, its name; the URL's own options win. */
class SessionPropertiesTest {
    private static final RunContext RUN = new RunContext(new RunId("tacit-20260101T000000Z-0badcafe"), "1.2.3",
            Instant.EPOCH);

    private static ConnectionSettings settings(String url) {
        return new ConnectionSettings(url, Optional.of("reader"), Optional.empty(), Duration.ofSeconds(60),
                ProfileSettings.DEFAULTS, Duration.ofSeconds(7), Optional.of(RUN));
    }

    private static Properties properties(String url) {
        return Dialects.forUrl(url, Duration.ofSeconds(60)).connectionProperties(settings(url));
    }

    @Test
    void postgresSessionsAreBoundedAndNamedAfterTheRun() {
        Properties properties = properties("jdbc:postgresql://db.example.com:5432/shop");
        assertThat(properties.getProperty("ApplicationName")).isEqualTo("tacit 1.2.3 tacit-20260101T000000Z-0badcafe");
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("7");
        assertThat(properties.getProperty("loginTimeout")).isEqualTo("7.500");
        // 60 s statement timeout + a quarter: the server's own timeout always ends a statement first
        assertThat(properties.getProperty("socketTimeout")).isEqualTo("75");
        assertThat(properties.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(properties.getProperty("user")).isEqualTo("reader");
    }

    @Test
    void mariaDbSessionsAreBoundedAndCarryTheRunAsConnectionAttributes() {
        Properties properties = properties("jdbc:mariadb://db.example.com:3306/shop");
        assertThat(properties.getProperty("connectionAttributes"))
                .isEqualTo("program_name:tacit,tacit_version:1.2.3,run_id:tacit-20260101T000000Z-0badcafe");
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("7000");
        assertThat(properties.getProperty("socketTimeout")).isEqualTo("75000");
    }

    @Test
    void whatTheUrlSaysWins() {
        Properties postgres = properties("jdbc:postgresql://h/shop?socketTimeout=0&applicationname=mine&loginTimeout=3");
        assertThat(postgres).doesNotContainKeys("socketTimeout", "ApplicationName", "loginTimeout");
        assertThat(postgres.getProperty("connectTimeout")).isEqualTo("7");
        Properties mariaDb = properties("jdbc:mariadb://h/shop?connectTimeout=500");
        assertThat(mariaDb).doesNotContainKey("connectTimeout");
        assertThat(mariaDb.getProperty("socketTimeout")).isEqualTo("75000");
    }

    @Test
    void aShortStatementTimeoutStillLeavesTheServerFiveSecondsToReport() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:postgresql://h/d", "u", null);
        assertThat(new ConnectionSettings(settings.jdbcUrl(), settings.user(), settings.password(), Duration.ofSeconds(2),
                settings.profile()).socketTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.applicationName()).startsWith("tacit ");
    }
}
