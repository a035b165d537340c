package dev.walrussync.walrus.http;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;

/** Canned answers for MockWebServer, from the golden files under the test resources. */
public final class MockResponses {
    private MockResponses() {}

    /** The bytes of a test resource, by its path from the resource root. */
    public static byte[] resource(String name) {
        try (InputStream in = MockResponses.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON answer with this status and a golden file as its body. */
    public static MockResponse json(int code, String resource) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(new Buffer().write(resource(resource)));
    }
}
