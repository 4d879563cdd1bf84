package io.github.d365bridge.client.d365.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.ground.PermanentFailureException;

class BlobHostPolicyTest {

    private final BlobHostPolicy policy = new BlobHostPolicy(List.of("127.0.0.1:10000", "bridgestore.example.net"));

    @Test
    void acceptsAzureBlobOverHttpsAndConfiguredHosts() {
        assertThat(policy.check(URI.create("https://contoso.blob.core.windows.net/dmf/p.zip?sig=x"), "upload to"))
                .isNotNull();
        assertThat(policy.check(URI.create("http://127.0.0.1:10000/devstoreaccount1/dmf/p.zip"), "upload to"))
                .isNotNull();
        assertThat(policy.check(URI.create("https://bridgestore.example.net/c/b"), "upload to")).isNotNull();
    }

    @Test
    void refusesEverythingElseNamingTheHostAndTheSetting() {
        for (String url : List.of("http://contoso.blob.core.windows.net/dmf/p.zip", "https://blob.core.windows.net/x",
                "https://evil.example.com/dmf/p.zip", "https://contoso.blob.core.windows.net.evil.com/x",
                "http://127.0.0.1:10001/x", "http://bridgestore.example.net/c/b", "file:///etc/passwd")) {
            assertThatThrownBy(() -> policy.check(URI.create(url), "upload to"), url)
                    .isInstanceOf(PermanentFailureException.class).hasMessageContaining("Refusing to upload to")
                    .hasMessageContaining("bridge.d365.allowed-blob-hosts");
        }
    }

    @Test
    void statusParsingNamesTheExecutionOnUnknownValues() {
        assertThat(DmfExecutionStatus.parse("PartiallySucceeded", "e1")).isEqualTo(DmfExecutionStatus.PARTIALLY_SUCCEEDED);
        assertThat(DmfExecutionStatus.parse("Executing", "e1").isFinished()).isFalse();
        assertThatThrownBy(() -> DmfExecutionStatus.parse("Exploded", "exec-42"))
                .hasMessageContaining("exec-42").hasMessageContaining("'Exploded'");
    }
}
