package dev.walrussync.engine.store.dir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.store.BlobStore;
import dev.walrussync.engine.store.BlobStoreContract;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.StagedBlob;
import dev.walrussync.engine.store.StoredBlob;
import dev.walrussync.engine.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The directory store keeps the {@link BlobStore} contract, and refuses folders it does not own. */
class DirectoryBlobStoreTest extends BlobStoreContract {
    private Path root;

    @Override
    protected BlobStore newStore(Path dir) throws Exception {
        root = dir;
        return DirectoryBlobStore.create(dir, PACK_SIZE);
    }

    @Test
    void blobIdIsTheUnpaddedBase64UrlSha256AndNamesTheFile() throws Exception {
        byte[] data = Trees.randomBytes(1, 1234);
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(data));

        BlobId id = store.put(data).id();

        assertThat(id.value()).isEqualTo(expected).hasSize(43);
        Path file = root.resolve("blobs").resolve(expected.substring(0, 2)).resolve(expected);
        assertThat(file).hasBinaryContent(data);
    }

    /** The ID of a staged blob comes from what the store itself hashed, and from the disk when that no longer fits. */
    @Test
    void stagedBlobChangedBehindTheStoresBackIsHashedFromDisk() throws Exception {
        byte[] written = Trees.randomBytes(6, 10_000);
        byte[] onDisk = Trees.randomBytes(7, 10_001);
        StagedBlob staged = store.stage(tmp.resolve("grown.tmp"));
        staged.writeFully(java.nio.ByteBuffer.wrap(written));
        staged.finish();
        Files.write(staged.file(), onDisk);

        StoredBlob blob = store.put(staged);

        assertThat(blob.id()).isEqualTo(store.put(onDisk).id());
        assertThat(store.get(blob.id())).isEqualTo(onDisk);
    }

    @Test
    void blobStagedByAnotherStoreIsHashedFromDisk() throws Exception {
        byte[] written = Trees.randomBytes(8, 10_000);
        byte[] onDisk = Trees.randomBytes(9, 10_000);
        BlobStore other = DirectoryBlobStore.create(tmp.resolve("other-store"), PACK_SIZE);
        StagedBlob staged = other.stage(tmp.resolve("other.tmp"));
        staged.writeFully(java.nio.ByteBuffer.wrap(written));
        staged.finish();
        Files.write(staged.file(), onDisk); // same size: only the store's own digest is trusted, not another's

        assertThat(store.put(staged).id()).isEqualTo(store.put(onDisk).id());
    }

    @Test
    void putLeavesNothingInTheTemporaryFolder() throws Exception {
        store.put(Trees.randomBytes(2, 100));
        store.put(Trees.write(tmp.resolve("f"), Trees.randomBytes(3, 100)));

        try (Stream<Path> left = Files.list(root.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void listIgnoresHiddenFilesAndStrayFolders() throws Exception {
        StoredBlob blob = store.put(Trees.randomBytes(4, 100));
        Trees.write(root.resolve("blobs").resolve("ab").resolve(".partial"), new byte[3]);
        Files.createDirectories(root.resolve("blobs").resolve("cd").resolve("nested"));
        Trees.write(root.resolve("tmp").resolve("x.tmp"), new byte[7]);

        assertThat(store.list()).containsExactly(blob);
    }

    @Test
    void createRefusesAFolderThatHoldsOtherFiles() throws Exception {
        Path folder = tmp.resolve("photos");
        Trees.write(folder.resolve("holiday.jpg"), new byte[] {1});

        assertThatThrownBy(() -> DirectoryBlobStore.create(folder, PACK_SIZE))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("not empty");
        assertThat(folder.resolve("blobs")).doesNotExist();
    }

    @Test
    void createAcceptsAnEmptyFolderOrAMissingOne() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        DirectoryBlobStore.create(empty, PACK_SIZE).put(new byte[] {1});
        DirectoryBlobStore.create(tmp.resolve("a/b/c"), PACK_SIZE).put(new byte[] {2});

        assertThat(DirectoryBlobStore.open(empty, PACK_SIZE).list()).hasSize(1);
        assertThat(DirectoryBlobStore.open(tmp.resolve("a/b/c"), PACK_SIZE).list())
                .hasSize(1);
    }

    @Test
    void createOnAnExistingStoreKeepsItsBlobs() throws Exception {
        StoredBlob blob = store.put(Trees.randomBytes(5, 10));

        BlobStore again = DirectoryBlobStore.create(root, PACK_SIZE);

        assertThat(again.list()).containsExactly(blob);
    }

    @Test
    void openFindsWhatAnEarlierInstanceStored() throws Exception {
        byte[] data = Trees.randomBytes(6, 1000);
        BlobId id = store.put(data).id();

        BlobStore reopened = DirectoryBlobStore.open(root, PACK_SIZE);

        assertThat(reopened.get(id)).isEqualTo(data);
        assertThat(reopened.info().location()).isEqualTo(root.toString());
    }

    @Test
    void openOfAMissingStoreSaysWhereItLooked() {
        Path missing = tmp.resolve("unplugged-disk");

        assertThatThrownBy(() -> DirectoryBlobStore.open(missing, PACK_SIZE))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("no Walrus Sync store at " + missing)
                .hasMessageContaining("mounted");
    }

    @Test
    void openOfAFolderWithoutTheStoreMarkerIsRefused() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain").resolve("blobs"));

        assertThatThrownBy(() -> DirectoryBlobStore.open(plain.getParent(), PACK_SIZE))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("no Walrus Sync store");
    }
}
