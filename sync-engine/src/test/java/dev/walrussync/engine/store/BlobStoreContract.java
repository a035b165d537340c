package dev.walrussync.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link BlobStore} keeps. Each implementation's test extends this class and
 * says how to make an empty store.
 */
public abstract class BlobStoreContract {
    protected static final long PACK_SIZE = 3L << 20;

    @TempDir
    protected Path tmp;

    protected BlobStore store;

    /** A new, empty store with {@link #PACK_SIZE} as its target pack size; {@code dir} is free to use. */
    protected abstract BlobStore newStore(Path dir) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        Path dir = tmp.resolve("store-root");
        store = newStore(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Path tempFile(String name, byte[] data) throws Exception {
        return Trees.write(tmp.resolve("files").resolve(name), data);
    }

    @Test
    void bytesRoundTrip() throws Exception {
        byte[] data = Trees.randomBytes(1, 10_000);

        StoredBlob blob = store.put(data);

        assertThat(blob.size()).isEqualTo(10_000);
        assertThat(store.get(blob.id())).isEqualTo(data);
    }

    @Test
    void fileRoundTrips() throws Exception {
        byte[] data = Trees.randomBytes(2, 200_000);

        StoredBlob blob = store.put(tempFile("pack", data));

        assertThat(blob.size()).isEqualTo(200_000);
        assertThat(store.get(blob.id())).isEqualTo(data);
    }

    @Test
    void emptyBlobRoundTrips() throws Exception {
        StoredBlob blob = store.put(new byte[0]);

        assertThat(blob.size()).isZero();
        assertThat(store.get(blob.id())).isEmpty();
    }

    @Test
    void sameContentGetsTheSameIdWhetherPutAsBytesOrAsFile() throws Exception {
        byte[] data = Trees.randomBytes(3, 5000);

        BlobId first = store.put(data).id();
        BlobId again = store.put(data.clone()).id();
        BlobId fromFile = store.put(tempFile("same", data)).id();

        assertThat(again).isEqualTo(first);
        assertThat(fromFile).isEqualTo(first);
        assertThat(store.list()).extracting(StoredBlob::id).containsExactly(first);
    }

    @Test
    void stagedBlobWrittenInPiecesGetsTheSameIdAsTheSameBytes() throws Exception {
        byte[] data = Trees.randomBytes(5, 300_000);
        Files.createDirectories(tmp.resolve("staging"));
        StagedBlob staged = store.stage(tmp.resolve("staging").resolve("pack.tmp"));
        for (int off = 0; off < data.length; off += 70_001) {
            staged.writeFully(java.nio.ByteBuffer.wrap(data, off, Math.min(70_001, data.length - off)));
        }

        StoredBlob blob = store.put(staged);

        assertThat(blob.size()).isEqualTo(data.length);
        assertThat(blob.id()).isEqualTo(store.put(data.clone()).id());
        assertThat(store.get(blob.id())).isEqualTo(data);
        assertThat(store.list()).extracting(StoredBlob::id).containsExactly(blob.id());
    }

    @Test
    void emptyStagedBlobRoundTrips() throws Exception {
        Files.createDirectories(tmp.resolve("staging"));
        StagedBlob staged = store.stage(tmp.resolve("staging").resolve("empty.tmp"));

        StoredBlob blob = store.put(staged);

        assertThat(blob.size()).isZero();
        assertThat(blob.id()).isEqualTo(store.put(new byte[0]).id());
    }

    @Test
    void differentContentGetsDifferentIds() throws Exception {
        byte[] a = Trees.randomBytes(4, 5000);
        byte[] b = a.clone();
        b[4999] ^= 1;

        assertThat(store.put(a).id()).isNotEqualTo(store.put(b).id());
    }

    @Test
    void getRangeReturnsTheRequestedBytes() throws Exception {
        byte[] data = Trees.randomBytes(5, 4096);
        BlobId id = store.put(data).id();

        assertThat(store.getRange(id, 0, 10)).isEqualTo(Arrays.copyOfRange(data, 0, 10));
        assertThat(store.getRange(id, 1000, 1234)).isEqualTo(Arrays.copyOfRange(data, 1000, 2234));
        assertThat(store.getRange(id, 4092, 4)).isEqualTo(Arrays.copyOfRange(data, 4092, 4096));
        assertThat(store.getRange(id, 0, 4096)).isEqualTo(data);
        assertThat(store.getRange(id, 4096, 0)).isEmpty();
    }

    @Test
    void getRangePastTheEndFailsWithoutReturningShortData() throws Exception {
        BlobId id = store.put(Trees.randomBytes(6, 100)).id();

        assertThatThrownBy(() -> store.getRange(id, 90, 11))
                .isInstanceOf(BlobStoreException.class)
                .isNotInstanceOf(BlobNotFoundException.class)
                .as("the message names the blob's size")
                .hasMessageContaining("100");
        assertThatThrownBy(() -> store.getRange(id, 101, 0)).isInstanceOf(BlobStoreException.class);
        assertThatThrownBy(() -> store.getRange(id, Long.MAX_VALUE - 2, 10)).isInstanceOf(BlobStoreException.class);
    }

    @Test
    void getRangeWithANegativeOffsetOrLengthFails() throws Exception {
        BlobId id = store.put(Trees.randomBytes(7, 100)).id();

        assertThatThrownBy(() -> store.getRange(id, -1, 10)).isInstanceOf(BlobStoreException.class);
        assertThatThrownBy(() -> store.getRange(id, 0, -1)).isInstanceOf(BlobStoreException.class);
    }

    @Test
    void anEmptyStoreListsNothing() throws Exception {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void listNamesEveryBlobWithItsSize() throws Exception {
        StoredBlob a = store.put(Trees.randomBytes(8, 10));
        StoredBlob b = store.put(Trees.randomBytes(9, 20_000));
        StoredBlob c = store.put(tempFile("c", Trees.randomBytes(10, 300)));

        assertThat(store.list())
                .extracting(StoredBlob::id, StoredBlob::size)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a.id(), 10L),
                        org.assertj.core.groups.Tuple.tuple(b.id(), 20_000L),
                        org.assertj.core.groups.Tuple.tuple(c.id(), 300L));
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws Exception {
        StoredBlob keep = store.put(Trees.randomBytes(11, 50));
        StoredBlob gone = store.put(Trees.randomBytes(12, 50));

        store.delete(gone.id());
        store.delete(gone.id());

        assertThat(store.list()).extracting(StoredBlob::id).containsExactly(keep.id());
        assertThatThrownBy(() -> store.get(gone.id())).isInstanceOf(BlobNotFoundException.class);
        assertThat(store.get(keep.id())).isEqualTo(Trees.randomBytes(11, 50));
    }

    @Test
    void deletingABlobThatWasNeverStoredIsNotAnError() throws Exception {
        store.delete(new BlobId("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));

        assertThat(store.list()).isEmpty();
    }

    @Test
    void aMissingBlobIsReportedAsNotFound() throws Exception {
        BlobId missing = new BlobId("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThatThrownBy(() -> store.get(missing))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(missing.value());
        assertThatThrownBy(() -> store.getRange(missing, 0, 1))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(missing.value());
        assertThatThrownBy(() -> store.get(missing))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(BlobStoreException.class))
                .extracting(BlobStoreException::isPermanent)
                .isEqualTo(true);
    }

    @Test
    void aBlobCanBeStoredAgainAfterItWasDeleted() throws Exception {
        byte[] data = Trees.randomBytes(13, 64);
        BlobId id = store.put(data).id();
        store.delete(id);

        assertThat(store.put(data).id()).isEqualTo(id);
        assertThat(store.get(id)).isEqualTo(data);
    }

    @Test
    void putTakesOwnershipOfTheFile() throws Exception {
        byte[] data = Trees.randomBytes(14, 70_000);
        Path file = tempFile("owned", data);

        BlobId id = store.put(file).id();

        // The store may have moved or deleted the file; whatever the caller now does at that path
        // must not change the blob.
        if (Files.exists(file)) {
            Files.write(file, Trees.randomBytes(15, 70_000));
            Files.delete(file);
        }
        assertThat(store.get(id)).isEqualTo(data);
        assertThat(Files.exists(file)).as("the store consumed %s", file).isFalse();
    }

    @Test
    void putOfAFileWhoseContentIsAlreadyStoredStillConsumesTheFile() throws Exception {
        byte[] data = Trees.randomBytes(16, 3000);
        BlobId id = store.put(data).id();
        Path file = tempFile("duplicate", data);

        assertThat(store.put(file).id()).isEqualTo(id);

        assertThat(Files.exists(file)).isFalse();
        assertThat(store.list()).hasSize(1);
    }

    @Test
    void concurrentPutsAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredBlob>> puts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int seed = 100 + i;
                puts.add(pool.submit(() -> seed % 2 == 0
                        ? store.put(Trees.randomBytes(seed, 1000 + seed))
                        : store.put(tempFile("c" + seed, Trees.randomBytes(seed, 1000 + seed)))));
            }
            List<StoredBlob> stored = new ArrayList<>();
            for (Future<StoredBlob> f : puts) {
                stored.add(f.get());
            }
            // A store may know more about a blob when it lists it than when it stored it (a lease's
            // cost, say): what must match is every blob's ID and size.
            assertThat(store.list())
                    .extracting(StoredBlob::id, StoredBlob::size)
                    .containsExactlyInAnyOrderElementsOf(stored.stream()
                            .map(b -> org.assertj.core.groups.Tuple.tuple(b.id(), b.size()))
                            .toList());
            for (int i = 0; i < 16; i++) {
                assertThat(store.get(stored.get(i).id())).isEqualTo(Trees.randomBytes(100 + i, 1100 + i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void infoReportsTheTargetPackSize() {
        assertThat(store.info().targetPackSize()).isEqualTo(PACK_SIZE);
        assertThat(store.info().kind()).isNotBlank();
    }
}
