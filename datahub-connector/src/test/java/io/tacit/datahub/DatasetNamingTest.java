package io.tacit.datahub;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.TableName;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetNamingTest {
    @Test
    void postgresNamesHaveTheDatabase() {
        DatasetNaming naming = new DatasetNaming("postgres", Optional.empty(), "PROD", Optional.of("shop"), false);
        assertThat(naming.datasetUrn(TableName.of("public", "Orders")))
                .isEqualTo("urn:li:dataset:(urn:li:dataPlatform:postgres,shop.public.Orders,PROD)");
        assertThat(naming.table("urn:li:dataset:(urn:li:dataPlatform:postgres,shop.public.Orders,PROD)"))
                .contains(TableName.of("public", "Orders"));
        assertThat(naming.table("urn:li:dataset:(urn:li:dataPlatform:postgres,other.public.Orders,PROD)")).isEmpty();
        assertThat(naming.table("urn:li:dataset:(urn:li:dataPlatform:postgres,shop.public.Orders,DEV)")).isEmpty();
    }

    @Test
    void mysqlAndMariadbNamesAreTwoTierAndInstancesArePrefixed() {
        DatasetNaming naming = new DatasetNaming("mariadb", Optional.of("eu1"), "DEV", Optional.of("ignored"), true);
        assertThat(naming.datasetUrn(TableName.of("Sakila", "Film")))
                .isEqualTo("urn:li:dataset:(urn:li:dataPlatform:mariadb,eu1.sakila.film,DEV)");
        assertThat(naming.table("urn:li:dataset:(urn:li:dataPlatform:mariadb,eu1.sakila.film,DEV)"))
                .contains(TableName.of("sakila", "film"));
        assertThat(naming.table("urn:li:dataset:(urn:li:dataPlatform:mariadb,sakila.film,DEV)")).isEmpty();
    }

    @Test
    void fieldPathsAreEncodedInSchemaFieldUrns() {
        assertThat(DatasetNaming.schemaFieldUrn("urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD)", "odd,(name)%"))
                .isEqualTo("urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD),odd%2C%28name%29%25)");
        assertThat(DataHubSource.fieldOf(Fixtures.urn(
                "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:postgres,a.b.c,PROD),odd%2C%28name%29%25)")))
                .isEqualTo("odd,(name)%");
    }

    @Test
    void retryDelaysGrowAndStayBounded() {
        RetryPolicy policy = new RetryPolicy(5, java.time.Duration.ofMillis(100));
        assertThat(policy.delay(0).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delay(3).toMillis()).isBetween(800L, 1600L);
        assertThat(policy.delay(20)).isLessThanOrEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(ServerVersion.parse("v0.15.0").checksVersionHeaders()).isTrue();
        assertThat(ServerVersion.parse("v0.13.3").checksVersionHeaders()).isFalse();
        assertThat(ServerVersion.parse("v1.2.0.1").hasOpenApiV3()).isTrue();
        // DataHub Cloud numbers its versions apart: never compared with Core thresholds
        ServerVersion cloud = ServerVersion.parse("v0.3.11", "cloud");
        assertThat(cloud.known()).isFalse();
        assertThat(cloud.needsProbing()).isTrue();
        assertThat(cloud.checksVersionHeaders()).isTrue();
        assertThat(ServerVersion.parse("v0.14.0", "core").mayHideSoftDeleted()).isTrue();
        assertThat(ServerVersion.parse("v0.15.0", "core").mayHideSoftDeleted()).isFalse();
    }

    @Test
    void settingsNeverShowTheToken() {
        MapConfigSection section = new MapConfigSection(DataHubSettings.publisherSettings(), java.util.Map.of(
                "serverUrl", "http://gms:8080/", "token", "very-secret", "platform", "mysql"));
        DataHubSettings settings = DataHubSettings.from(section, true);
        assertThat(settings.toString()).doesNotContain("very-secret").contains("[hidden]");
        assertThat(settings.serverUrl()).get().hasToString("http://gms:8080");
        assertThat(DataHubPublisher.create(settings, Fixtures.run("r"), true).toString()).doesNotContain("very-secret");
        assertThat(DataHubSettings.publisherSettings()).allMatch(setting -> !setting.description().isBlank());
    }
}
