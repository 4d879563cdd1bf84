package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.testing.CommerceContract;

/**
 * Customers through the async bulk API: the consumer runs each element through the synchronous route,
 * so a bulk fails per operation exactly where, and with the message, the synchronous call would.
 */
class CustomerBulkTest {

    private static List<Object> customers(int count, String prefix) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("customer", Map.of("email", prefix + i + "@example.com", "firstname", "Bulk",
                    "lastname", "Customer " + i, "website_id", 1)));
        }
        return items;
    }

    private static JsonNode awaitDone(SandboxClient client, String uuid) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.get("/rest/V1/bulk/" + uuid + "/operation-status/4").json().asInt() == 0);
        return client.get("/rest/V1/bulk/" + uuid + "/detailed-status").json();
    }

    @Test
    void duplicateAndIncompleteCustomersFailAsTheirOperationWithMagentosMessage() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .bulkOperationPace(Duration.ZERO).build())) {
            sandbox.traffic().recording(true);
            SandboxClient client = new SandboxClient(sandbox);
            List<Object> items = customers(6, "bulk");
            items.set(3, Map.of("customer", Map.of("email", "bulk0@example.com", "firstname", "Again", "lastname", "Dup",
                    "website_id", 1)));
            items.set(4, Map.of("customer", Map.of("email", "bulk4@example.com", "lastname", "No first name")));
            items.set(5, Map.of("password", "Secret-123"));
            JsonNode accepted = client.post("/rest/default/async/bulk/V1/customers", items).json();
            assertThat(accepted.at("/request_items/5/status").asText()).as("no customer member: rejected at once")
                    .isEqualTo("rejected");
            assertThat(accepted.at("/request_items/5/error_message").asText())
                    .isEqualTo("\"customer\" is required. Enter and try again.");

            JsonNode detailed = awaitDone(client, accepted.get("bulk_uuid").asText());
            JsonNode ops = detailed.get("operations_list");
            assertThat(ops).extracting(op -> op.get("status").asInt()).containsExactly(1, 1, 1, 3, 3, 5);
            assertThat(ops.get(3).get("result_message").asText())
                    .isEqualTo("A customer with the same email address already exists in an associated website.");
            assertThat(ops.get(4).get("result_message").asText()).isEqualTo("\"First Name\" is a required value.");
            assertThat(ops.get(0).get("result_message").asText()).startsWith("Service execution success");
            assertThat(ops.get(0).get("result_serialized_data").asText()).contains("\"email\":\"bulk0@example.com\"");
            assertThat(ops.get(4).get("serialized_data").asText()).contains("No first name");
            assertThat(sandbox.data().customerByEmail("bulk2@example.com", 1)).isPresent();
            assertThat(sandbox.data().customerByEmail("bulk0@example.com", 1).orElseThrow().get("firstname").asText())
                    .isEqualTo("Bulk");
            assertThat(CommerceContract.load().checkAll(sandbox.traffic().exchanges())).isEmpty();
        }
    }

    @Test
    void updatesByCustomerIdCarryThePathParameterInEachElement() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .bulkOperationPace(Duration.ZERO).build())) {
            SandboxClient client = new SandboxClient(sandbox);
            String email = sandbox.data().customer(1).orElseThrow().get("email").asText();
            List<Object> updates = List.of(
                    Map.of("customerId", 1, "customer", Map.of("email", email, "firstname", "Renamed", "lastname", "One",
                            "taxvat", "DE1")),
                    Map.of("customerId", 99999, "customer", Map.of("email", "x@example.com", "firstname", "X", "lastname", "Y")),
                    Map.of("customer", Map.of("email", email, "firstname", "No", "lastname", "Id")));
            JsonNode accepted = client.put("/rest/default/async/bulk/V1/customers/byCustomerId", updates).json();
            assertThat(accepted.at("/request_items/2/error_message").asText())
                    .isEqualTo("\"customerId\" is required. Enter and try again.");
            JsonNode ops = awaitDone(client, accepted.get("bulk_uuid").asText()).get("operations_list");
            assertThat(ops).extracting(op -> op.get("status").asInt()).containsExactly(1, 3, 5);
            assertThat(ops.get(1).get("result_message").asText()).isEqualTo("No such entity with customerId = 99999");
            assertThat(sandbox.data().customer(1).orElseThrow().get("taxvat").asText()).isEqualTo("DE1");
        }
    }

    @Test
    void aStoppedConsumerLeavesTheBulkOpenAndChosenOperationsFailWhenItRuns() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .bulkOperationPace(Duration.ZERO).build())) {
            SandboxClient client = new SandboxClient(sandbox);
            assertThat(client.control("POST", "/_sandbox/bulk/pause", Map.of("paused", true)).get("paused").asBoolean()).isTrue();
            client.control("POST", "/_sandbox/faults", Map.of("bulkFailWhere",
                    List.of(Map.of("pointer", "/customer/email", "value", "STOP2@example.com", "kind", "RETRIABLE"))));
            String uuid = client.post("/rest/default/async/bulk/V1/customers", customers(4, "stop")).json()
                    .get("bulk_uuid").asText();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> client.get("/rest/V1/bulk/" + uuid + "/operation-status/4").json().asInt() == 4);
            assertThat(client.control("GET", "/_sandbox/bulk", null).get("openOperations").asInt()).isEqualTo(4);
            assertThat(sandbox.data().customerByEmail("stop0@example.com", 1)).isEmpty();

            client.control("POST", "/_sandbox/bulk/pause", Map.of("paused", false));
            JsonNode ops = awaitDone(client, uuid).get("operations_list");
            assertThat(ops).extracting(op -> op.get("status").asInt()).containsExactly(1, 1, 2, 1);
            assertThat(sandbox.data().customerByEmail("stop2@example.com", 1)).as("a failed operation changed nothing").isEmpty();
        }
    }
}
