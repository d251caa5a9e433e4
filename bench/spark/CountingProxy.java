import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay that counts the bytes in each direction: how much a Spark Connect client sends and
 * receives, whatever the gRPC framing. Usage: java CountingProxy.java LISTEN_PORT TARGET_PORT COUNTS_FILE;
 * the file holds the running totals "toServer toClient", rewritten after every chunk (read it before and after a run).
 */
public class CountingProxy {
    static final AtomicLong toServer = new AtomicLong();
    static final AtomicLong toClient = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int listen = Integer.parseInt(args[0]);
        int target = Integer.parseInt(args[1]);
        Path counts = Path.of(args[2]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listen));
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pump(client, upstream, toServer, counts);
                pump(upstream, client, toClient, counts);
            }
        }
    }

    static void pump(Socket from, Socket to, AtomicLong counter, Path counts) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    counter.addAndGet(n);
                    synchronized (CountingProxy.class) {
                        Files.writeString(counts, toServer.get() + " " + toClient.get() + "\n");
                    }
                }
            } catch (IOException ignored) {
                // the other side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
