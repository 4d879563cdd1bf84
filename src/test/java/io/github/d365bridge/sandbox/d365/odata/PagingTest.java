package io.github.d365bridge.sandbox.d365.odata;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/** Server paging with @odata.nextLink, small and at D365's full size of 10,000 rows a page. */
class PagingTest {

    @Test
    void followsNextLinksThroughEveryRowOnce() {
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options().pageSize(7).build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String next = "/data/CustomersV3?$select=CustomerAccount&$filter=CustomerAccount ne 'US-000002'";
            HttpResponse<String> response = http.get(next);
            Set<String> seen = new HashSet<>();
            int pages = 0;
            while (true) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode body = json(response.body());
                pages++;
                body.get("value").forEach(r -> assertThat(seen.add(r.get("CustomerAccount").asText())).isTrue());
                if (!body.has("@odata.nextLink")) {
                    break;
                }
                assertThat(body.get("value")).hasSize(7);
                String link = body.get("@odata.nextLink").asText();
                assertThat(link).startsWith(sandbox.baseUrl() + "/data/CustomersV3?").contains("$skiptoken=")
                        .contains("$filter=");
                response = http.getUrl(link);
            }
            assertThat(seen).hasSize(49).doesNotContain("US-000002");
            assertThat(pages).isEqualTo(7);
        }
    }

    @Test
    void topAndSkipCombineWithPaging() {
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options().pageSize(10).build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            JsonNode first = json(http.get("/data/CustomersV3?$select=CustomerAccount&$skip=5&$top=15&$orderby=CustomerAccount desc").body());
            assertThat(first.get("value")).hasSize(10);
            assertThat(first.get("value").get(0).get("CustomerAccount").asText()).isEqualTo("US-000045");
            JsonNode second = json(http.getUrl(first.get("@odata.nextLink").asText()).body());
            assertThat(second.get("value")).hasSize(5);
            assertThat(second.get("value").get(4).get("CustomerAccount").asText()).isEqualTo("US-000031");
            assertThat(second.has("@odata.nextLink")).isFalse();
            JsonNode exact = json(http.get("/data/CustomersV3?$top=10").body());
            assertThat(exact.has("@odata.nextLink")).as("$top reached on the page").isFalse();
            assertThat(http.get("/data/CustomersV3?$skiptoken=garbage").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void pagesThroughOneHundredThousandRowsAtFullPageSize() {
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options()
                .seedSizes(new SeedSizes(100_000, 10, 1, 1)).build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            long start = System.nanoTime();
            HttpResponse<String> response = http.get("/data/CustomersV3?$count=true");
            long rows = 0;
            int pages = 0;
            String last = "";
            while (true) {
                JsonNode body = json(response.body());
                pages++;
                if (pages == 1) {
                    assertThat(body.get("@odata.count").asLong()).isEqualTo(100_000);
                }
                for (JsonNode row : body.get("value")) {
                    String account = row.get("CustomerAccount").asText();
                    assertThat(account.compareTo(last)).isPositive();
                    last = account;
                    rows++;
                }
                if (!body.has("@odata.nextLink")) {
                    break;
                }
                assertThat(body.get("value")).hasSize(10_000);
                response = http.getUrl(body.get("@odata.nextLink").asText());
            }
            assertThat(rows).isEqualTo(100_000);
            assertThat(pages).isEqualTo(10);
            assertThat(last).isEqualTo("US-100000");
            System.out.printf("paged 100,000 CustomersV3 rows in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
