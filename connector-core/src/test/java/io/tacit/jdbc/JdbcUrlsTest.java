package io.tacit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void redactsPasswordsInUserInfoAndParameters() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://bob:hunter22@db.example:5432/shop?user=bob&password=hunter22&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example:5432/shop?user=bob&password=[hidden]&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=hunter22")).isEqualTo("jdbc:h2:mem:x;USER=sa;PASSWORD=[hidden]");
    }

    @Test
    void describesWithoutParametersOrCredentials() {
        assertThat(JdbcUrls.describe("jdbc:postgresql://bob:pw@127.0.0.1:5432/shop?password=pw"))
                .isEqualTo("postgresql://127.0.0.1:5432/shop");
        assertThat(JdbcUrls.describe("jdbc:sqlite:/tmp/shop.db")).isEqualTo("sqlite:/tmp/shop.db");
        assertThat(JdbcUrls.describe("jdbc:h2:mem:x;PASSWORD=pw")).isEqualTo("h2:mem:x");
    }

    @Test
    void readsHostPortAndDatabase() {
        assertThat(JdbcUrls.endpoint("jdbc:postgresql://db.example/shop")).isEqualTo("db.example:5432");
        assertThat(JdbcUrls.endpoint("jdbc:mariadb://db.example:3307/shop?x=1")).isEqualTo("db.example:3307");
        assertThat(JdbcUrls.endpoint("jdbc:mysql://10.0.0.1/shop")).isEqualTo("10.0.0.1:3306");
        assertThat(JdbcUrls.endpoint("jdbc:postgresql://[::1]:6543/shop")).isEqualTo("[::1]:6543");
        assertThat(JdbcUrls.database("jdbc:postgresql://h:1/shop?ssl=true")).contains("shop");
        assertThat(JdbcUrls.database("jdbc:mariadb://h:1/")).isEmpty();
    }
}
