package org.jvnet.localizer;

import java.io.Serializable;

/**
 * Stand-in of {@code org.jvnet.localizer:localizer}'s {@code ResourceBundleHolder}; see
 * plugin-offline/STANDINS.md. {@code get(Class)} returns a holder of the class (real: cached per class),
 * because the plugin calls it in a static constant; the bundle lookups are the real library's.
 */
public final class ResourceBundleHolder implements Serializable {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("rawtypes")
    public final Class owner;

    @SuppressWarnings("rawtypes")
    public static synchronized ResourceBundleHolder get(Class clazz) {
        return new ResourceBundleHolder(clazz);
    }

    /** @deprecated as in the real library: use {@link #get(Class)} */
    @Deprecated
    @SuppressWarnings("rawtypes")
    public ResourceBundleHolder(Class owner) {
        this.owner = owner;
    }
}
