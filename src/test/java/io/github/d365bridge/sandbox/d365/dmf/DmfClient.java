package io.github.d365bridge.sandbox.d365.dmf;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** The client side of the DMF flow, as the bridge does it, for the tests. */
final class DmfClient {

    static final Set<String> FINISHED = Set.of("Succeeded", "PartiallySucceeded", "Failed", "Canceled");

    private final SandboxHttp http;

    DmfClient(SandboxHttp http) {
        this.http = http;
    }

    /** {@code GetAzureWriteUrl}: the value is a JSON string holding JSON; answers the BlobUrl. */
    String writeUrl(String name) {
        HttpResponse<String> response = http.dmf("GetAzureWriteUrl", "{\"uniqueFileName\":\"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response.body());
        assertThat(body.get("@odata.context").asText()).endsWith("/data/$metadata#Edm.String");
        assertThat(body.get("value").isTextual()).isTrue();
        JsonNode inner = json(body.get("value").asText());
        assertThat(inner.get("BlobId").asText()).matches("\\{[0-9A-F-]{36}\\}");
        return inner.get("BlobUrl").asText();
    }

    int upload(String url, byte[] zip) {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip))).statusCode();
    }

    /** Upload plus ImportFromPackage; answers the execution id. */
    String importPackage(byte[] zip, String project) {
        String url = writeUrl("pkg-" + System.nanoTime() + ".zip");
        assertThat(upload(url, zip)).isEqualTo(201);
        HttpResponse<String> response = http.dmf("ImportFromPackage", "{\"packageUrl\":\"" + url
                + "\",\"definitionGroupId\":\"" + project + "\",\"executionId\":\"\",\"execute\":true,"
                + "\"overwrite\":true,\"legalEntityId\":\"usmf\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("value").asText();
    }

    String status(String executionId) {
        return value("GetExecutionSummaryStatus", executionId);
    }

    String value(String action, String executionId) {
        HttpResponse<String> response = http.dmf(action, "{\"executionId\":\"" + executionId + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("value").asText();
    }

    String awaitFinished(String executionId) {
        AtomicReference<String> status = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            status.set(status(executionId));
            return FINISHED.contains(status.get());
        });
        return status.get();
    }

    HttpResponse<String> entityAction(String action, String executionId, String label) {
        return http.dmf(action, "{\"executionId\":\"" + executionId + "\",\"entityName\":\"" + label + "\"}");
    }

    HttpResponse<byte[]> download(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
