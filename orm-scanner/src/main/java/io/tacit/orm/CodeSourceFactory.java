package io.tacit.orm;

import io.tacit.config.ConfigSection;
import io.tacit.config.Setting;
import io.tacit.config.SettingType;
import io.tacit.spi.Source;
import io.tacit.spi.SourceFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The {@code code} source type of a recipe: a schema and its relationships read from model code. */
public final class CodeSourceFactory implements SourceFactory {
    public static final String TYPE = "code";

    public static final Setting PATH = Setting.required("path", SettingType.STRING,
            "Folder of the application whose model code is read (Rails app, Django project, SQLAlchemy package, JPA module).");
    public static final Setting FRAMEWORK = Setting.oneOf("framework", "auto",
            List.of("auto", "rails", "django", "sqlalchemy", "jpa"),
            "Which model code to read; auto reads every framework whose files are present.");
    public static final Setting NAMING = Setting.oneOf("jpaNaming", "hibernate", List.of("hibernate", "spring"),
            "How JPA names become table names: hibernate keeps them, spring snake-cases them (Spring Boot's default).");
    public static final Setting SCHEMA = Setting.optional("schema", SettingType.STRING, "public",
            "Schema given to tables whose code names none.");

    public static final List<Setting> SETTINGS = List.of(PATH, FRAMEWORK, NAMING, SCHEMA);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public Source create(ConfigSection section) {
        Path path = Path.of(section.string(PATH.name()).orElseThrow());
        CodeScanner scanner = scanner(section.string(FRAMEWORK.name()).orElse("auto"),
                section.string(NAMING.name()).orElse("hibernate"));
        return new CodeSource(scanner.scan(path), "code:" + path, section.string(SCHEMA.name()).orElse("public"));
    }

    /** A scanner for a framework option ({@code auto} or a name) and a JPA naming option. */
    public static CodeScanner scanner(String framework, String naming) {
        return new CodeScanner(Framework.named(framework), JpaNaming.valueOf(naming.toUpperCase(Locale.ROOT)));
    }
}
