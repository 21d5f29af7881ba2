package io.tacit.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** tacit's own version, from a resource Maven fills in at build time. */
public final class ToolVersion {
    private static final String RESOURCE = "/io/tacit/tacit-version.properties";
    private static final String VERSION = load();

    private ToolVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown").trim();
            if (version.isEmpty() || version.startsWith("${")) {
                return "unknown";
            }
            return version;
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
