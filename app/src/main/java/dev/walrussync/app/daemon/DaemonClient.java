package dev.walrussync.app.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.walrussync.app.cli.Console;
import dev.walrussync.engine.model.SyncException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Talks to the watch daemon of an app home, if one runs. */
public final class DaemonClient {
    private static final ObjectMapper JSON = Console.jsonMapper();

    private DaemonClient() {}

    /**
     * Sends {@code request} to the daemon of {@code home}.
     *
     * @return the reply, or empty if no daemon listens there
     * @throws SyncException if a daemon answered with an error, or its answer cannot be read
     */
    public static Optional<DaemonReply> send(Path home, DaemonRequest request) throws SyncException {
        Path socket = home.resolve(DaemonServer.SOCKET_NAME);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            // A socket file with nobody listening: a daemon that was killed.
            return Optional.empty();
        }
        try (ch;
                OutputStream out = Channels.newOutputStream(ch);
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8))) {
            out.write(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(request));
            out.write('\n');
            out.flush();
            String line = in.readLine();
            if (line == null) {
                throw new SyncException("the watch daemon closed the connection without answering");
            }
            DaemonReply reply = JSON.readValue(line, DaemonReply.class);
            if (reply.error() != null) {
                throw new SyncException(reply.error());
            }
            return Optional.of(reply);
        } catch (IOException e) {
            throw new SyncException("cannot talk to the watch daemon at " + socket + ": " + e.getMessage(), e);
        }
    }
}
