package dev.walrussync.engine.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The in-memory store keeps the {@link BlobStore} contract. */
class InMemoryBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore newStore(Path dir) {
        return new InMemoryBlobStore(PACK_SIZE);
    }

    @Test
    void corruptReplacesTheStoredBytesUnderTheSameId() throws Exception {
        InMemoryBlobStore memory = (InMemoryBlobStore) store;
        BlobId id = memory.put(new byte[] {1, 2, 3}).id();

        memory.corrupt(id, new byte[] {1, 2, 4});

        assertThat(memory.get(id)).containsExactly(1, 2, 4);
        assertThat(memory.list()).hasSize(1);
    }

    @Test
    void storedBytesAreCopiedInAndOut() throws Exception {
        byte[] data = {1, 2, 3};
        BlobId id = store.put(data).id();
        data[0] = 9;
        store.get(id)[1] = 9;

        assertThat(store.get(id)).containsExactly(1, 2, 3);
    }
}
