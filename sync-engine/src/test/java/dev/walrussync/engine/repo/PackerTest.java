package dev.walrussync.engine.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.crypto.Aead;
import dev.walrussync.engine.crypto.ChunkIdHasher;
import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.UploadGate;
import dev.walrussync.engine.pack.ChunkCodec;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.StoreFullException;
import dev.walrussync.engine.store.StoreInfo;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.engine.store.memory.InMemoryBlobStore;
import dev.walrussync.engine.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packer fills packs to the target size, stores them, then records them in the index. */
class PackerTest {
    private static final long TARGET = 1L << 20;

    @TempDir
    Path tmp;

    private final SecureRandom random = new SecureRandom();
    private final Aead aead = new Aead(Trees.randomBytes(1, 32), random);
    private final ChunkCodec codec = new ChunkCodec(aead, new ChunkIdHasher(Trees.randomBytes(2, 32)), 3);
    private IndexDatabase index;
    private Path staging;

    @BeforeEach
    void setUp() throws Exception {
        index = IndexDatabase.open(tmp.resolve("index.db"), Clock.systemUTC());
        staging = tmp.resolve("staging");
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private Packer packer(BlobStore store) {
        return new Packer(store, index, aead, random, staging, TARGET, false, false, UploadGate.OPEN);
    }

    private void addChunks(Packer packer, int count, int size) throws Exception {
        for (int i = 0; i < count; i++) {
            byte[] plain = Trees.randomBytes(1000 + i, size);
            packer.add(codec.encode(ChunkType.DATA, codec.idOf(plain), plain));
        }
    }

    private List<Path> stagingFiles() throws IOException {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(staging)) {
            return s.toList();
        }
    }

    @Test
    void packsAreSealedAtTheTargetSizeAndRecordedOnceStored() throws Exception {
        InMemoryBlobStore store = new InMemoryBlobStore(TARGET);
        try (Packer packer = packer(store)) {
            addChunks(packer, 10, 300_000);
            packer.flush();

            // 300 KB chunks: three fit under 1 MiB with header and padding, a fourth does not.
            assertThat(packer.packsStored()).isEqualTo(4);
            assertThat(store.list()).hasSize(4);
            assertThat(index.packs()).hasSize(4);
            assertThat(index.totals().chunks()).isEqualTo(10);
            assertThat(store.list()).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(TARGET));
        }
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void aChunkLargerThanTheTargetGetsAPackOfItsOwn() throws Exception {
        InMemoryBlobStore store = new InMemoryBlobStore(TARGET);
        try (Packer packer = packer(store)) {
            addChunks(packer, 1, 100);
            addChunks(packer, 1, 3_000_000);
            addChunks(packer, 1, 100);
            packer.flush();

            assertThat(index.packs())
                    .extracting(IndexDatabase.PackRow::chunkCount)
                    .containsExactly(1, 1, 1);
        }
    }

    @Test
    void aFullStoreFailsTheFlushWithItsMessageAndRecordsNothing() throws Exception {
        FullStore store = new FullStore();
        try (Packer packer = packer(store)) {
            addChunks(packer, 2, 1000);

            assertThatThrownBy(packer::flush)
                    .isInstanceOf(StoreFullException.class)
                    .hasMessageContaining("the store is full");
        }
        assertThat(store.puts.get()).isEqualTo(1);
        assertThat(index.packs()).isEmpty();
        assertThat(index.totals().chunks()).isZero();
        assertThat(stagingFiles()).as("the staged pack is removed").isEmpty();
    }

    @Test
    void afterAFailedUploadTheRestOfTheBackupStopsAndUploadsNothingMore() throws Exception {
        FullStore store = new FullStore();
        try (Packer packer = packer(store)) {
            assertThatThrownBy(() -> {
                        addChunks(packer, 25, 300_000);
                        packer.flush();
                    })
                    .isInstanceOf(StoreFullException.class);
        }
        assertThat(store.puts.get()).as("uploads tried").isEqualTo(1);
        assertThat(index.packs()).isEmpty();
        assertThat(stagingFiles()).isEmpty();
    }

    /** A store that is always full. */
    private static final class FullStore implements BlobStore {
        final AtomicInteger puts = new AtomicInteger();

        @Override
        public StoreInfo info() {
            return new StoreInfo("full", "nowhere", TARGET);
        }

        @Override
        public StoredBlob put(Path file) throws BlobStoreException {
            puts.incrementAndGet();
            throw new StoreFullException("the store is full (no space left on the device)", null);
        }

        @Override
        public StoredBlob put(byte[] data) throws BlobStoreException {
            puts.incrementAndGet();
            throw new StoreFullException("the store is full (no space left on the device)", null);
        }

        @Override
        public byte[] get(BlobId id) throws BlobStoreException {
            throw new BlobStoreException("empty", true);
        }

        @Override
        public byte[] getRange(BlobId id, long offset, int length) throws BlobStoreException {
            throw new BlobStoreException("empty", true);
        }

        @Override
        public List<StoredBlob> list() {
            return List.of();
        }

        @Override
        public void delete(BlobId id) {}
    }
}
