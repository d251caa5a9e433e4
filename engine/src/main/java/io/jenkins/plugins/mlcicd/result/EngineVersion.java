package io.jenkins.plugins.mlcicd.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this engine (and of the {@code mlcicd} CLI built from it), from a resource Maven
 * fills in at build time; so it is known in tests, in the CLI jar and inside the Jenkins plugin alike.
 * Result documents record it ({@code mlcicdVersion}), reports show it.
 */
public final class EngineVersion {
    /** What a build without the filtered resource (an IDE's own compile) reports. */
    public static final String UNKNOWN = "development build";
    private static final String VERSION = read();

    private EngineVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
