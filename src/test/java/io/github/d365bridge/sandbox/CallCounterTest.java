package io.github.d365bridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;

class CallCounterTest {

    @Test
    void idsAndODataKeysFoldIntoOneRoute() {
        assertThat(CallCounter.fold("/rest/default/V1/orders/1234")).isEqualTo("/rest/default/V1/orders/{id}");
        assertThat(CallCounter.fold("/rest/default/V1/orders/12/comments")).isEqualTo("/rest/default/V1/orders/{id}/comments");
        assertThat(CallCounter.fold("/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='000123')"))
                .isEqualTo("/data/SalesOrderHeadersV2({key})");
        assertThat(CallCounter.fold("/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.GetAzureWriteUrl"))
                .isEqualTo("/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.GetAzureWriteUrl");
        assertThat(CallCounter.fold("/rest/V1/bulk/5f3c0a8e-1c2d-4e5f-9a0b-1c2d3e4f5a6b/detailed-status"))
                .isEqualTo("/rest/V1/bulk/{id}/detailed-status");
    }

    @Test
    void aSandboxCountsEveryCallItAnswersEvenRefusedOnes() throws Exception {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().build())) {
            HttpClient http = HttpClient.newHttpClient();
            for (int id = 1; id <= 3; id++) {
                URI uri = URI.create(sandbox.baseUrl() + "/rest/default/V1/orders/" + id);
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
            }
            assertThat(sandbox.calls().snapshot()).containsEntry("GET /rest/default/V1/orders/{id}", 3L);
            assertThat(sandbox.calls().total()).isEqualTo(3);
            sandbox.calls().reset();
            assertThat(sandbox.calls().total()).isZero();
        }
    }
}
