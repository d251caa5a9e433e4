package standin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Not a Jenkins type: how the stand-ins build the non-null constants the real classes have
 * ({@code Item.CONFIGURE}, {@code Jenkins.ADMINISTER}, {@code ACL.SYSTEM2}) through a private
 * constructor, so that no plugin code can call an invented constructor. The plugin's classes never
 * use this package (PluginArchitectureTest).
 */
public final class Constants {
    private Constants() {
    }

    /** An instance of {@code type} from its private one-String constructor. */
    public static <T> T instance(Class<T> type, String name) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(name);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
