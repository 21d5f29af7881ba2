package io.tacit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on 127.0.0.1 that accepts connections and then either never answers, or forwards them to a real
 * server until {@link #goSilent()}: a database that hangs, or a network that goes quiet in the middle of a
 * query. Real sockets, so that the drivers' own timeouts are what is tested.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final Optional<Integer> forwardTo;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean silent;

    private SilentServer(Optional<Integer> forwardTo) {
        this.forwardTo = forwardTo;
        this.silent = forwardTo.isEmpty();
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "silent-server-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts and never says a word. */
    public static SilentServer mute() {
        return new SilentServer(Optional.empty());
    }

    /** Forwards to 127.0.0.1:{@code port} until {@link #goSilent()}. */
    public static SilentServer forwardingTo(int port) {
        return new SilentServer(Optional.of(port));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on no byte passes in either direction; the connections stay open. */
    public void goSilent() {
        silent = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (forwardTo.isPresent()) {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), forwardTo.get());
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    while (silent) {
                        Thread.sleep(50);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // a side closed: the pump ends
            }
        }, "silent-server-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
