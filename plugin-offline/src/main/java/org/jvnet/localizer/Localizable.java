package org.jvnet.localizer;

import java.io.Serializable;
import java.util.Locale;

/**
 * Stand-in of {@code org.jvnet.localizer:localizer}'s {@code Localizable} (a jenkins-core dependency);
 * see plugin-offline/STANDINS.md. The constructor keeps its arguments (the plugin builds one in a static
 * constant); formatting is the real library's.
 */
public class Localizable implements Serializable {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unused", "serial"})
    private final ResourceBundleHolder holder;
    @SuppressWarnings("unused")
    private final String key;

    public Localizable(ResourceBundleHolder holder, String key, Object... args) {
        this.holder = holder;
        this.key = key;
    }

    public String toString(Locale locale) {
        throw new UnsupportedOperationException("stand-in");
    }
}
