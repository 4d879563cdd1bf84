package io.github.d365bridge.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.testing.TestAzurite;

/** The ledger on a real Azurite: first writer wins, stale writers lose, transitions only go forward. */
class OrderLedgerTest {

    private final OrderLedger ledger = new OrderLedger(TestAzurite.storage(), TestAzurite.uniqueName("Ledger"));

    @Test
    void duplicatesOfAnOrderAreRecordedOnce() {
        OrderKey key = new OrderKey("default", "000000042");
        assertThat(ledger.insertReceived(key, 42L, "corr-1", "webhook")).isTrue();
        assertThat(ledger.insertReceived(key, 42L, "corr-2", "poll")).isFalse();
        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(OrderState.RECEIVED);
        assertThat(entry.correlationId()).isEqualTo("corr-1");
        assertThat(entry.commerceEntityId()).isEqualTo(42L);
        assertThat(entry.source()).as("the first signal handled").isEqualTo("webhook");
    }

    @Test
    void onlyOneOfTwoConcurrentStepsAdvancesTheOrder() {
        OrderKey key = new OrderKey("default", "000000043");
        ledger.insertReceived(key, 43L, "corr", "poll");
        LedgerEntry readByA = ledger.find(key).orElseThrow();
        LedgerEntry readByB = ledger.find(key).orElseThrow();

        ledger.update(readByA.moveTo(OrderState.MAPPED).withLegalEntity("usmf"));

        assertThatThrownBy(() -> ledger.update(readByB.moveTo(OrderState.MAPPED)))
                .isInstanceOf(ConcurrentUpdateException.class);
        LedgerEntry now = ledger.find(key).orElseThrow();
        assertThat(now.state()).isEqualTo(OrderState.MAPPED);
        assertThat(now.legalEntity()).isEqualTo("usmf");
        assertThat(now.source()).as("kept by the conditional replace").isEqualTo("poll");
        assertThat(ledger.countsByState()).containsEntry(OrderState.MAPPED, 1L);
        assertThat(ledger.counts().bySource()).containsExactly(java.util.Map.entry("poll", 1L));
        assertThat(ledger.inState(OrderState.MAPPED)).extracting(LedgerEntry::key).containsExactly(key);
    }

    @Test
    void transitionsOnlyGoForwardOrToFailedAndBackByReplay() {
        LedgerEntry received = new LedgerEntry(new OrderKey("eu_en", "1"), OrderState.RECEIVED, null, 1L, "c", "webhook",
                null, null, null, 0, 0, null, java.time.Instant.now(), "*");
        assertThatThrownBy(() -> received.moveTo(OrderState.IMPORTED)).hasMessageContaining("cannot go from RECEIVED");
        assertThat(received.moveTo(OrderState.FAILED).moveTo(OrderState.RECEIVED).state()).isEqualTo(OrderState.RECEIVED);
        assertThat(OrderKey.parse("eu_en:000000001")).isEqualTo(new OrderKey("eu_en", "000000001"));
        assertThatThrownBy(() -> OrderKey.parse("no-colon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrderWhoseIncrementIdTableKeysCannotHoldIsRecordedFoundAndAdvanced() {
        // every character Azure Table forbids in keys, the codec's escape, and a quote for the OData URL
        String hostile = "R/1\\2#3?4\u0000\u0001\u001F\u007F\u0085\u009F%25'5";
        OrderKey key = new OrderKey("default", hostile);
        assertThat(ledger.insertReceived(key, 77L, "corr-hostile", "webhook")).isTrue();
        assertThat(ledger.insertReceived(key, 77L, "corr-again", "poll")).as("still a duplicate").isFalse();

        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.key()).isEqualTo(key);
        assertThat(entry.key().toString()).as("the order key text itself is unchanged").isEqualTo("default:" + hostile);
        ledger.update(entry.moveTo(OrderState.FAILED).withError("test"));
        assertThat(ledger.inState(OrderState.FAILED)).extracting(LedgerEntry::key).containsExactly(key);
        assertThat(ledger.find(new OrderKey("default", "R/1"))).as("no prefix confusion").isEmpty();
    }
}
