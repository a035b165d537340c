package dev.walrussync.localnet.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The publisher query deserialized as serde does, then validated as the publisher does. */
class StoreRequestTest {
    @Test
    void defaultsAreOneEpochDeletableAndKeptByThePublisher() throws Exception {
        StoreRequest r = StoreRequest.parse(Map.of());

        assertThat(r.epochs()).isEqualTo(1);
        assertThat(r.permanent()).isFalse();
        assertThat(r.sendObjectTo()).isNull();
        r.validate(53);
    }

    @Test
    void epochsAreAU32AsRustParsesIt() throws Exception {
        assertThat(StoreRequest.parse(Map.of("epochs", "+7")).epochs()).isEqualTo(7);
        assertThat(StoreRequest.parse(Map.of("epochs", "4294967295")).epochs()).isEqualTo(4294967295L);
        for (String bad : new String[] {"4294967296", "-1", "1.5", "", " 1"}) {
            assertThatThrownBy(() -> StoreRequest.parse(Map.of("epochs", bad)))
                    .as(bad)
                    .isInstanceOf(StoreRequest.MalformedQuery.class)
                    .hasMessageStartingWith("Failed to deserialize query string: epochs");
        }
    }

    @Test
    void zeroOrTooManyEpochsAreRefusedAfterDeserializing() throws Exception {
        for (String epochs : new String[] {"0", "54"}) {
            StoreRequest r = StoreRequest.parse(Map.of("epochs", epochs));
            assertThatThrownBy(() -> r.validate(53))
                    .isInstanceOf(StoreRequest.InvalidStoreRequest.class)
                    .satisfies(e -> assertThat(((StoreRequest.InvalidStoreRequest) e).reason())
                            .isEqualTo("INVALID_EPOCHS_AHEAD"));
        }
        StoreRequest.parse(Map.of("epochs", "53")).validate(53);
    }

    @Test
    void sendObjectToIsAFull32ByteAddressNormalisedToLowerCaseHex() throws Exception {
        String upper = "0x" + "AB".repeat(32);

        assertThat(StoreRequest.parse(Map.of("send_object_to", upper)).sendObjectTo())
                .isEqualTo("0x" + "ab".repeat(32));
        assertThat(StoreRequest.parse(Map.of("send_object_to", "cd".repeat(32))).sendObjectTo())
                .isEqualTo("0x" + "cd".repeat(32));
        assertThatThrownBy(() -> StoreRequest.parse(Map.of("send_object_to", "0x1")))
                .isInstanceOf(StoreRequest.MalformedQuery.class);
    }

    @Test
    void shareFalseAloneIsAcceptedButShareTrueIsNotSupportedLocally() throws Exception {
        StoreRequest.parse(Map.of("share", "false")).validate(53);
        StoreRequest shared = StoreRequest.parse(Map.of("share", "true"));

        assertThatThrownBy(() -> shared.validate(53))
                .isInstanceOf(StoreRequest.InvalidStoreRequest.class)
                .hasMessageContaining("not supported");
    }
}
