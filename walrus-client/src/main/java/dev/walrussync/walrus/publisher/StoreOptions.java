package dev.walrussync.walrus.publisher;

import dev.walrussync.walrus.sui.SuiAddress;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code PUT /v1/blobs}.
 *
 * @param epochs how many epochs ahead to store (1 to the network's maximum, 53 on Walrus)
 * @param sendObjectTo the address that receives the {@code Blob} object; Walrus Sync always sets the
 *     user's address so that the user owns, and can extend, every blob
 * @param deletable whether the blob is deletable (Walrus's default since 1.33, so nothing is sent) or
 *     permanent ({@code permanent=true})
 */
public record StoreOptions(int epochs, @Nullable SuiAddress sendObjectTo, boolean deletable) {
    public StoreOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
    }
}
