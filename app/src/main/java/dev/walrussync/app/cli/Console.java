package dev.walrussync.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.walrussync.engine.model.ChunkId;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The process's terminal: standard output for results (text or JSON), standard error for messages
 * and progress bars, and whether a person is watching.
 */
public final class Console {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .registerModule(new SimpleModule().addSerializer(ChunkId.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** The JSON mapper of {@code --json} output, which the daemon's IPC channel also speaks. */
    public static ObjectMapper jsonMapper() {
        return JSON;
    }

    public Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether a person is watching: a console is attached to both ends of the process. */
    public static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean terminal() {
        return terminal;
    }

    public void println(String line) {
        out.println(line);
    }

    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a secret without echo from the terminal, or returns null when there is no terminal. */
    public char[] readSecret(String prompt) {
        java.io.Console c = System.console();
        if (c == null || !terminal) {
            return null;
        }
        return c.readPassword("%s", prompt);
    }
}
