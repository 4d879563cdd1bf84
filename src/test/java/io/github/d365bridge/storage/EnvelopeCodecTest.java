package io.github.d365bridge.storage;

import io.github.d365bridge.ground.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    @Test
    void roundTripsEveryField() {
        MessageEnvelope original = MessageEnvelope.of("order.received", "corr-1",
                Json.mapper().createObjectNode().put("increment_id", "000000042").put("name", "Zoë \"Q\", Ltd\n"))
                .withBusinessKey("usmf", "default:000000042").nextAttempt(null).withPayloadBlob("2026/11/27/x.json");

        MessageEnvelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.attempt()).isEqualTo(1);
    }

    @Test
    void rejectsBadMessagesWithAPreciseReason() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("")).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"schemaVersion\":1,")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> EnvelopeCodec.decode("[1,2]")).hasMessageContaining("not an envelope object");
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"type\":\"x\"}")).hasMessageContaining("no numeric schemaVersion");
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"schemaVersion\":2,\"type\":\"x\"}"))
                .hasMessageContaining("schemaVersion 2 is not supported");
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"schemaVersion\":1,\"id\":\"a\",\"createdAt\":\"2026-01-01T00:00:00Z\"}"))
                .hasMessageContaining("'type'");
        assertThatThrownBy(() -> EnvelopeCodec.decode(
                "{\"schemaVersion\":1,\"type\":\"t\",\"id\":\"a\",\"createdAt\":\"yesterday\"}"))
                .hasMessageContaining("invalid createdAt");
        assertThatThrownBy(() -> EnvelopeCodec.decode(
                "{\"schemaVersion\":1,\"type\":\"t\",\"type\":\"u\",\"id\":\"a\",\"createdAt\":\"2026-01-01T00:00:00Z\"}"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> EnvelopeCodec.decode("{\"schemaVersion\":1,\"type\":\"t\",\"id\":\"a\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"payload\":{},\"payloadBlob\":\"b\"}"))
                .hasMessageContaining("both a payload and a payloadBlob");
    }

    @Test
    void toleratesFieldsAddedByANewerMinorVersion() {
        MessageEnvelope decoded = EnvelopeCodec.decode("{\"schemaVersion\":1,\"type\":\"t\",\"id\":\"a\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"priority\":\"high\"}");
        assertThat(decoded.type()).isEqualTo("t");
        assertThat(decoded.payload()).isNull();
    }
}
