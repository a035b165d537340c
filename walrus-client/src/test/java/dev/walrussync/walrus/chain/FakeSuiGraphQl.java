package dev.walrussync.walrus.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer answering GraphQL POSTs by operation name (the word after {@code query}/{@code mutation}), with
 * canned bodies in the real Sui GraphQL shapes; records every request body.
 */
final class FakeSuiGraphQl implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("^\\s*(?:query|mutation)\\s+(\\w+)");

    /** One recorded request: the operation name, the query text and the variables. */
    record Call(String operation, String query, JsonNode variables) {}

    final MockWebServer server = new MockWebServer();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeSuiGraphQl(BiFunction<String, JsonNode, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = MAPPER.readTree(request.getBody().readUtf8());
                    String query = body.path("query").asText();
                    Matcher m = OPERATION.matcher(query);
                    String op = m.find() ? m.group(1) : "";
                    calls.add(new Call(op, query, body.path("variables")));
                    return answer.apply(op, body.path("variables"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        server.start();
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static MockResponse data(String dataJson) {
        return json("{\"data\":" + dataJson + "}");
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
