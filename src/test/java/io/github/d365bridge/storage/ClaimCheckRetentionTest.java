package io.github.d365bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;

import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Claim-check retention against a real Azurite: day-named blobs go a retention after their day, oldest
 * first, at a cost that follows what expires; the body of a poisoned message is held past the retention
 * and released only by the failure entry that holds it last.
 */
class ClaimCheckRetentionTest {

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final String containerName = TestAzurite.uniqueName("claims");
    private final ClaimCheckStore store = new ClaimCheckStore(storage, containerName);
    private final BlobContainerClient container = storage.container(containerName);

    @Test
    void sweepDeletesExpiredDaysOnlyAndListsNoFurtherThanTheFirstKeptBlob() {
        container.getBlobClient("2020/01/01/a.json").upload(BinaryData.fromString("{}"));
        container.getBlobClient("2020/01/02/b.json").upload(BinaryData.fromString("{}"));
        container.getBlobClient("2020/01/02/c.json").upload(BinaryData.fromString("{}"));
        container.getBlobClient("0-not-ours.txt").upload(BinaryData.fromString("{}"));
        IntStream.range(0, 120).forEach(i -> store.put("kept-" + i, "{}".getBytes()));
        requests.reset();

        int deleted = store.deleteWrittenBefore(Instant.now().minus(14, ChronoUnit.DAYS), 10);

        assertThat(deleted).isEqualTo(3);
        // one page of the oldest names (it reaches the first kept blob), then one delete per expired blob;
        // the 120 kept blobs after it are never listed page by page
        assertThat(requests.requests()).filteredOn(r -> r.startsWith("GET ")).hasSize(1);
        assertThat(requests.requests()).filteredOn(r -> r.startsWith("DELETE ")).hasSize(3);
        assertThat(container.getBlobClient("2020/01/02/c.json").exists()).isFalse();
        assertThat(container.getBlobClient("0-not-ours.txt").exists()).isTrue();
        assertThat(container.listBlobs().stream().filter(b -> b.getName().contains("kept-")).count()).isEqualTo(120);
    }

    @Test
    void aFullBatchStopsAtTheLimitAndTheNextSweepGoesOn() {
        IntStream.range(0, 7).forEach(i -> container.getBlobClient("2020/02/0" + (i % 3 + 1) + "/m" + i + ".json")
                .upload(BinaryData.fromString("{}")));

        assertThat(store.deleteWrittenBefore(Instant.now(), 5)).isEqualTo(5);
        assertThat(store.deleteWrittenBefore(Instant.now(), 5)).isEqualTo(2);
        assertThat(store.deleteWrittenBefore(Instant.now(), 5)).isZero();
    }

    @Test
    void aHeldBodyOutlivesItsOriginalUntilTheLastHoldIsReleased() {
        String name = "2020/03/01/poisoned.json";
        container.getBlobClient(name).upload(BinaryData.fromString("{\"big\":1}"));
        HeldPayload first = store.hold(name).orElseThrow();

        assertThat(store.deleteWrittenBefore(Instant.now(), 100)).isEqualTo(1); // the original expired
        assertThat(store.get(name)).isEqualTo("{\"big\":1}".getBytes()); // a replay still finds its body

        // replayed and poisoned again: the newer failure entry holds the body now
        HeldPayload second = store.hold(name).orElseThrow();
        assertThat(second.etag()).isNotEqualTo(first.etag());
        store.release(first);
        assertThat(store.get(name)).isEqualTo("{\"big\":1}".getBytes());

        store.release(second);
        store.release(second); // released twice (a sweep retried): no error
        assertThatThrownBy(() -> store.get(name)).isInstanceOf(PoisonMessageException.class);
        assertThat(store.hold(name)).isEmpty(); // nothing left to hold
    }
}
