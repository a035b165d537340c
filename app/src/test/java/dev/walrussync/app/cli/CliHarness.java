package dev.walrussync.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.testing.TestRepositories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process, as {@code Main} would, with captured output, an app home in a
 * temporary folder, the passphrase in the environment and cheap Argon2 costs.
 */
public final class CliHarness {
    static final ObjectMapper JSON = new ObjectMapper();

    public final Path home;
    public final Map<String, String> env = new HashMap<>();
    final Repositories engine;

    CliHarness(Path home) {
        this(home, TestRepositories.engine());
    }

    public CliHarness(Path home, Repositories engine) {
        this.home = home;
        this.engine = engine;
        env.put("WALRUS_SYNC_HOME", home.toString());
        env.put("WALRUS_SYNC_PASSWORD", TestRepositories.PASSPHRASE);
    }

    /** What one command printed and returned. */
    public record Result(int exit, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (exit " + exit + ", stderr: " + err + "):\n" + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int exit =
                WalrusSyncCommand.commandLine(console, Map.copyOf(env), engine).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
