package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IoEventsChallengeTest {

    @Test
    void echoesAValidChallengeAsJson() {
        IoEventsChallenge.Reply reply = IoEventsChallenge.reply("8ec8d794-e0ab-42df-9017-e3dada8e84f7");
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.body()).isEqualTo("{\"challenge\":\"8ec8d794-e0ab-42df-9017-e3dada8e84f7\"}");
        assertThat(IoEventsChallenge.CONTENT_TYPE).isEqualTo("application/json");
    }

    @Test
    void refusesMissingOverlongOrUnsafeChallenges() {
        for (String bad : new String[] {null, "", "x".repeat(129), "<script>alert(1)</script>", "a\"b", "a b", "a\nb", "é"}) {
            IoEventsChallenge.Reply reply = IoEventsChallenge.reply(bad);
            assertThat(reply.accepted()).as(String.valueOf(bad)).isFalse();
            assertThat(reply.body()).isNull();
            assertThat(reply.reason()).isNotBlank();
        }
        assertThat(IoEventsChallenge.reply("x".repeat(128)).accepted()).isTrue();
    }
}
