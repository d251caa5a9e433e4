package hudson.remoting;

/** Stand-in of remoting's {@code hudson.remoting.VirtualChannel} (opaque: parameter of FileCallable.invoke); see plugin-offline/STANDINS.md. */
public interface VirtualChannel {
}
