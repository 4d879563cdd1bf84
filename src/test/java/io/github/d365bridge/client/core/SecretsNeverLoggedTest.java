package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.ScriptedHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Proves on the real log output (the file handler configured like the console) that tokens, secrets
 * and keys never reach a log line, whether logged directly, as parameters, inside exceptions, or by
 * the queue dispatcher reporting a failure.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class SecretsNeverLoggedTest {

    private static final Logger LOG = Logger.getLogger(SecretsNeverLoggedTest.class);
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secretpayload.sig";
    private static final String CLIENT_SECRET = "Zq8~s3cr3t-client-VALUE";
    private static final String SAS = "sv=2023-11-03&se=2026-11-27T05%3A00%3A00Z&sr=b&sp=cw&sig=AbCdEfSasSignature%3D";

    @Inject
    StorageAccount storage;
    @Inject
    QueuePublisher publisher;
    @Inject
    ScriptedHandler handler;

    @Test
    void secretsAreRedactedEverywhereInTheLog() throws Exception {
        LOG.infof("Calling D365 with Authorization: Bearer %s", TOKEN);
        LOG.info("token form: grant_type=client_credentials&client_id=abc&client_secret=" + CLIENT_SECRET);
        LOG.infof("uploading to https://acct.blob.core.windows.net/dmf/p.zip?%s", SAS);
        LOG.info("storage: " + storage.connectionString());
        LOG.error("remote call failed", new IllegalStateException("answer {\"access_token\":\"" + TOKEN + "\"}",
                new RuntimeException("password=" + CLIENT_SECRET)));
        publisher.send("test-scripted", MessageEnvelope.of("test.scripted", "corr-secret",
                Json.mapper().createObjectNode().put("mode", "permanent")).withBusinessKey("usmf",
                        "secret-in-failure client_secret=" + CLIENT_SECRET));
        await().atMost(Duration.ofSeconds(30)).until(() -> logText().contains("moved to test-scripted-poison")
                && logText().contains("remote call failed"));

        String log = logText();
        String accountKey = storage.connectionString().replaceAll(".*AccountKey=([^;]+);.*", "$1");
        String opsKey = Files.readString(Path.of("target/test-ops-key")).trim();
        assertThat(log).doesNotContain(TOKEN).doesNotContain("secretpayload").doesNotContain(CLIENT_SECRET)
                .doesNotContain("AbCdEfSasSignature").doesNotContain(accountKey).doesNotContain(opsKey);
        assertThat(log).contains("Authorization: " + Redactor.MASK).contains("client_secret=" + Redactor.MASK)
                .contains("sig=" + Redactor.MASK).contains("AccountKey=" + Redactor.MASK)
                .contains("\"access_token\":\"" + Redactor.MASK);
    }

    private static String logText() throws Exception {
        Path file = Path.of(BridgeTestProfile.LOG_FILE);
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
