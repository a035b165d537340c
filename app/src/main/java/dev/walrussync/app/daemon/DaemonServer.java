package dev.walrussync.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.app.cli.Console;
import dev.walrussync.engine.api.SyncService;
import dev.walrussync.engine.model.Durations;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.WalrusStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link DaemonRequest}s for a running {@link SyncService} on the app home's socket. */
public final class DaemonServer implements AutoCloseable {
    public static final String SOCKET_NAME = "daemon.sock";
    private static final Logger LOG = LoggerFactory.getLogger(DaemonServer.class);
    private static final ObjectMapper JSON = Console.jsonMapper();
    /** How long a full status waits for a running backup to finish before answering without the Walrus part. */
    private static final Duration WALRUS_STATUS_WAIT = Duration.ofSeconds(20);
    /** The longest request line accepted. */
    private static final int MAX_REQUEST = 4096;

    private final ServerSocketChannel server;
    private final Path socket;
    private final SyncService sync;
    private final boolean onWalrus;
    private final Runnable onStop;
    private final Thread acceptor;

    private DaemonServer(ServerSocketChannel server, Path socket, SyncService sync, boolean onWalrus, Runnable onStop) {
        this.server = server;
        this.socket = socket;
        this.sync = sync;
        this.onWalrus = onWalrus;
        this.onStop = onStop;
        this.acceptor = Thread.ofPlatform().daemon().name("daemon-ipc").unstarted(this::accept);
    }

    /**
     * Listens on {@code home/daemon.sock}. The caller holds the app home's daemon lock, so a socket file left there
     * is stale (a daemon that was killed) and is replaced.
     *
     * @param onStop runs when a client asks the daemon to stop
     */
    public static DaemonServer start(Path home, SyncService sync, boolean onWalrus, Runnable onStop)
            throws SyncException {
        Path socket = home.resolve(SOCKET_NAME);
        try {
            Files.deleteIfExists(socket);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            try {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the socket file inherits the app home's access rules.
            }
            DaemonServer s = new DaemonServer(server, socket, sync, onWalrus, onStop);
            s.acceptor.start();
            return s;
        } catch (IOException e) {
            throw new SyncException("cannot open the daemon's socket " + socket + ": " + e.getMessage(), e);
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("daemon-ipc-client").start(() -> serve(client));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("the daemon's socket failed: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(client)) {
            char[] buf = new char[MAX_REQUEST];
            int n = 0;
            int c;
            while (n < buf.length && (c = in.read()) >= 0 && c != '\n') {
                buf[n++] = (char) c;
            }
            DaemonReply reply;
            boolean stop = false;
            try {
                DaemonRequest request = JSON.readValue(new String(buf, 0, n), DaemonRequest.class);
                stop = request.command().equals("stop");
                reply = handle(request);
            } catch (IOException e) {
                reply = error("cannot read the request: " + e.getMessage());
            }
            out.write(JSON.writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(reply));
            out.write('\n');
            out.flush();
            if (stop) {
                onStop.run();
            }
        } catch (IOException e) {
            LOG.debug("a daemon client went away: {}", e.getMessage());
        }
    }

    private DaemonReply handle(DaemonRequest request) {
        try {
            switch (request.command()) {
                case "status" -> {
                    if (request.full() && onWalrus) {
                        try {
                            WalrusStatus w = sync.callBetweenBackups(s -> s.walrusStatus(), WALRUS_STATUS_WAIT);
                            return reply(w, null);
                        } catch (SyncException e) {
                            return reply(null, e.getMessage());
                        }
                    }
                }
                case "pause" -> {
                    if (request.pauseFor() == null) {
                        sync.pause();
                    } else {
                        sync.pauseFor(Durations.parse(request.pauseFor()));
                    }
                }
                case "resume" -> sync.resume();
                case "sync-now" -> sync.syncNow();
                case "reload" -> sync.reload();
                case "stop" -> LOG.info("asked to stop over the daemon's socket");
                default -> {
                    return error("unknown request '" + request.command()
                            + "' (status, pause, resume, sync-now, reload, stop)");
                }
            }
            return reply(null, null);
        } catch (SyncException | IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private DaemonReply reply(@Nullable WalrusStatus walrus, @Nullable String walrusError) {
        return new DaemonReply(null, ProcessHandle.current().pid(), sync.status(), walrus, walrusError);
    }

    private static DaemonReply error(String message) {
        return new DaemonReply(message, ProcessHandle.current().pid(), null, null, null);
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("closing the daemon's socket: {}", e.getMessage());
        }
    }
}
