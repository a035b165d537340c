package dev.walrussync.walrus.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.walrussync.walrus.http.BadResponseException;
import dev.walrussync.walrus.http.HttpTransport;
import dev.walrussync.walrus.http.WalrusException;
import dev.walrussync.walrus.sui.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Asks a faucet for coins with Sui's faucet v2 request ({@code POST /v2/gas} with {@code
 * {"FixedAmountRequest": {"recipient": "0x…"}}}). Real faucets give SUI only; the local network's gives
 * SUI and WAL.
 */
public final class FaucetClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
    private final OkHttpClient http = HttpTransport.defaultClient();
    private final URI faucet;

    /** @param faucet the faucet's full URL, for example {@code http://127.0.0.1:9123/v2/gas} */
    public FaucetClient(URI faucet) {
        this.faucet = faucet;
    }

    /** One coin the faucet sent. */
    public record Coin(long amount, String objectId) {}

    /** Requests coins for {@code recipient} and returns what was sent. */
    public List<Coin> request(SuiAddress recipient) throws WalrusException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("FixedAmountRequest", Map.of("recipient", recipient.toString())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Request request = new Request.Builder()
                .url(faucet.toString())
                .post(RequestBody.create(body, APPLICATION_JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            String text = rb == null ? "" : rb.string();
            JsonNode json;
            try {
                json = JSON.readTree(text);
            } catch (IOException e) {
                throw new BadResponseException("the faucet at " + faucet + " answered " + response.code()
                        + " with a body that is not JSON: " + abbreviate(text));
            }
            if (!response.isSuccessful()
                    || !"Success".equals(json.path("status").asText())) {
                throw new WalrusException(
                        "the faucet at " + faucet + " refused (" + response.code() + "): " + abbreviate(text),
                        response.code() == 429 || response.code() >= 500);
            }
            List<Coin> coins = new ArrayList<>();
            for (JsonNode c : json.path("coins_sent")) {
                coins.add(new Coin(c.path("amount").asLong(), c.path("id").asText()));
            }
            return coins;
        } catch (IOException e) {
            throw new WalrusException("cannot reach the faucet at " + faucet + ": " + e.getMessage(), e, true);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
