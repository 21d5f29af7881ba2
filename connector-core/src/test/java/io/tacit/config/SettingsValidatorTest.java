package io.tacit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsValidatorTest {
    private static final List<Setting> SETTINGS = List.of(
            Setting.required("url", SettingType.STRING, "where the database is"),
            Setting.optional("user", SettingType.STRING, null, "who connects"),
            Setting.optional("password", SettingType.SECRET, null, "the user's password"),
            Setting.optional("statementTimeout", SettingType.DURATION, "60s", "how long a statement may run"),
            Setting.optional("sampleRows", SettingType.INTEGER, "1000", "rows read per table"),
            Setting.optional("minConfidence", SettingType.DOUBLE, "0.5", "lowest confidence reported"),
            Setting.optional("dryRun", SettingType.BOOLEAN, "false", "change nothing"),
            Setting.optional("schemas", SettingType.LIST, null, "schemas to read"),
            Setting.oneOf("level", "sample", List.of("metadata", "engine", "sample", "full"), "how much to read"));

    private static final String PASSWORD = "s3cr3t-Pa55word";

    private final SettingsValidator validator = new SettingsValidator(
            new SecretResolver(name -> name.equals("DB_PASSWORD") ? Optional.of(PASSWORD) : Optional.empty()));

    @Test
    void appliesDefaultsAndTypes() {
        ValidatedSection section = valid(Map.of("url", "jdbc:postgresql://h/db", "sampleRows", 50,
                "minConfidence", "0.75", "dryRun", true, "schemas", List.of("public", "sales"), "level", "FULL",
                "statementTimeout", "5m"));
        assertThat(section.string("url")).contains("jdbc:postgresql://h/db");
        assertThat(section.integer("sampleRows")).contains(50);
        assertThat(section.decimal("minConfidence")).contains(0.75);
        assertThat(section.bool("dryRun")).contains(true);
        assertThat(section.list("schemas")).containsExactly("public", "sales");
        assertThat(section.string("level")).contains("full");
        assertThat(section.duration("statementTimeout")).contains(Duration.ofMinutes(5));
        assertThat(section.string("user")).isEmpty();
        assertThat(section.secret("password")).isEmpty();
        assertThat(valid(Map.of("url", "x")).duration("statementTimeout")).contains(Duration.ofSeconds(60));
        assertThat(valid(Map.of("url", "x")).integer("sampleRows")).contains(1000);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("usr", "me");
        raw.put("sampleRows", "many");
        raw.put("level", "everything");
        raw.put("dryRun", "maybe");
        raw.put("statementTimeout", "soon");
        SettingsValidator.Result result = validator.validate("source", SETTINGS, raw);

        assertThat(result.isValid()).isFalse();
        assertThat(result.section()).isEmpty();
        assertThat(result.problems()).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
                "source.usr", "source.url", "source.sampleRows", "source.level", "source.dryRun",
                "source.statementTimeout");
        assertThat(message(result, "source.usr")).contains("unknown key 'usr'").contains("did you mean 'user'?");
        assertThat(message(result, "source.url")).contains("required setting is missing");
        assertThat(message(result, "source.sampleRows")).contains("expected a whole number, got 'many'");
        assertThat(message(result, "source.level")).contains("'everything' is not allowed; use one of metadata, engine, sample, full");
        assertThat(message(result, "source.dryRun")).contains("expected true or false");
        assertThat(message(result, "source.statementTimeout")).contains("expected a duration");
    }

    @Test
    void suggestsTheClosestKey() {
        assertThat(EditDistance.closest("statmentTimeout", SETTINGS.stream().map(Setting::name).toList()))
                .contains("statementTimeout");
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("Level", "level")).isZero();
    }

    @Test
    void rejectsAListWhereOneValueBelongs() {
        SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("url", List.of("a", "b")));
        assertThat(message(result, "source.url")).contains("expected a single string value, got a list");
    }

    @Test
    void resolvesSecretReferencesFromTheEnvironment() {
        ValidatedSection section = valid(Map.of("url", "x", "password", "${env:DB_PASSWORD}"));
        Secret secret = section.secret("password").orElseThrow();
        assertThat(secret.reveal()).isEqualTo(PASSWORD);
        assertThat(secret.reference()).isEqualTo("${env:DB_PASSWORD}");
        assertThat(secret.toString()).isEqualTo("[hidden]");
        assertThat(section.toString()).doesNotContain(PASSWORD).contains("[hidden]");
    }

    @Test
    void resolvesSecretReferencesFromFiles(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("password.txt");
        Files.writeString(file, PASSWORD + "\n");
        ValidatedSection section = valid(Map.of("url", "x", "password", "${file:" + file + "}"));
        assertThat(section.secret("password").orElseThrow().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void aLiteralSecretIsAProblemThatDoesNotRepeatIt() {
        SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("url", "x", "password", PASSWORD));
        assertThat(result.problems()).hasSize(1);
        assertThat(message(result, "source.password"))
                .contains("only accepted as a reference")
                .contains("${env:VARIABLE}")
                .doesNotContain(PASSWORD);
    }

    @Test
    void aMissingVariableOrFileIsNamed(@TempDir Path folder) {
        SettingsValidator.Result result = validator.validate("source", SETTINGS,
                Map.of("url", "x", "password", "${env:NOT_SET_ANYWHERE}"));
        assertThat(message(result, "source.password")).isEqualTo("environment variable NOT_SET_ANYWHERE is not set");

        Path missing = folder.resolve("nope.txt");
        result = validator.validate("source", SETTINGS, Map.of("url", "x", "password", "${file:" + missing + "}"));
        assertThat(message(result, "source.password")).isEqualTo("secret file " + missing + " does not exist");
    }

    @Test
    void aCredentialInsideAUrlIsRefusedWithoutRepeatingIt() {
        for (String url : List.of("jdbc:postgresql://h/db?user=me&password=" + PASSWORD + "&ssl=true",
                "https://me:" + PASSWORD + "@example.com/x")) {
            SettingsValidator.Result result = validator.validate("source", SETTINGS, Map.of("url", url));
            assertThat(message(result, "source.url")).startsWith("holds a credential").doesNotContain(PASSWORD);
        }
        assertThat(ValidatedSection.maskCredentials("jdbc:postgresql://h/db?password=" + PASSWORD + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?password=[hidden]&ssl=true");
        assertThat(ValidatedSection.maskCredentials("https://me:" + PASSWORD + "@example.com/x"))
                .isEqualTo("https://me:[hidden]@example.com/x");
        assertThat(ValidatedSection.maskCredentials("jdbc:postgresql://db.example.com:5432/shop")).isEqualTo(
                "jdbc:postgresql://db.example.com:5432/shop");
    }

    @Test
    void durationsInShortAndIsoForms() {
        assertThat(SettingsValidator.parseDuration("500ms")).contains(Duration.ofMillis(500));
        assertThat(SettingsValidator.parseDuration("30s")).contains(Duration.ofSeconds(30));
        assertThat(SettingsValidator.parseDuration("2h")).contains(Duration.ofHours(2));
        assertThat(SettingsValidator.parseDuration("PT90S")).contains(Duration.ofSeconds(90));
        assertThat(SettingsValidator.parseDuration("soon")).isEmpty();
    }

    @Test
    void anInvalidDefaultIsCaught() {
        Setting broken = Setting.optional("rows", SettingType.INTEGER, "lots", "rows");
        assertThatThrownBy(() -> SettingsValidator.parseDefault(broken))
                .hasMessageContaining("default of setting rows is invalid");
    }

    @Test
    void lookingUpAnUndeclaredSettingIsAProgrammingError() {
        ValidatedSection section = valid(Map.of("url", "x"));
        assertThatThrownBy(() -> section.string("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> section.integer("url")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void markdownReferenceListsEverySetting() {
        String table = SettingsReference.markdownTable(SETTINGS);
        assertThat(table).startsWith("| setting | type | default | description |\n| --- | --- | --- | --- |\n");
        assertThat(table).contains("| `url` | string | **required** | where the database is |");
        assertThat(table).contains("| `statementTimeout` | duration | `60s` | how long a statement may run |");
        assertThat(table).contains("| `level` | string: metadata \\| engine \\| sample \\| full | `sample` |");
        assertThat(table).contains("| `password` | secret (`${env:NAME}` or `${file:/path}`) | — |");
        assertThat(table.lines().count()).isEqualTo(SETTINGS.size() + 2);
    }

    private ValidatedSection valid(Map<String, ?> raw) {
        SettingsValidator.Result result = validator.validate("source", SETTINGS, raw);
        assertThat(result.problems()).isEmpty();
        return result.section().orElseThrow();
    }

    private static String message(SettingsValidator.Result result, String path) {
        return result.problems().stream().filter(problem -> problem.path().equals(path)).findFirst()
                .map(ConfigProblem::message).orElseThrow(() -> new AssertionError("no problem at " + path + ": " + result.problems()));
    }
}
