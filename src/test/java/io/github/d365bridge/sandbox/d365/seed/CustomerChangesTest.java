package io.github.d365bridge.sandbox.d365.seed;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Aspect;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Kind;

/**
 * The change simulation changes, deletes and adds exactly the customers it says, deterministically
 * from its seed; OData reads see every change, and only touched rows are stored.
 */
class CustomerChangesTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options().seedSizes(new SeedSizes(1_000, 10, 1, 1)).build());
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private static JsonNode customer(String company, String account) {
        return json(http.get("/data/CustomersV3(dataAreaId='" + company + "',CustomerAccount='" + account
                + "')?cross-company=true").body());
    }

    @Test
    void exactlyOnePercentChangesAndODataSeesEveryNewValue() {
        CustomerChanges changes = sandbox.data().customerChanges();
        List<CustomerChange> done = changes.changeShare("usmf", 1, 42, List.of(Aspect.NAME, Aspect.EMAIL, Aspect.ADDRESS),
                false);
        assertThat(done).hasSize(10).allMatch(c -> c.kind() == Kind.CHANGED && c.dataAreaId().equals("usmf"));
        assertThat(done.stream().map(CustomerChange::customerAccount).distinct()).hasSize(10);
        for (CustomerChange change : done) {
            assertThat(change.after()).containsKeys("OrganizationName", "PrimaryContactEmail", "AddressStreet");
            JsonNode row = customer("usmf", change.customerAccount());
            change.after().forEach((field, value) -> assertThat(row.get(field).asText()).as(field)
                    .isEqualTo(String.valueOf(value)));
            change.before().forEach((field, value) -> assertThat(value).isNotEqualTo(change.after().get(field)));
        }
        assertThat(sandbox.data().table("CustomersV3").storedRows()).as("only the changed rows are held").isEqualTo(10);
        assertThat(changes.log()).isEqualTo(done);
    }

    @Test
    void theSameSeedChangesTheSameCustomersTheSameWay() {
        List<CustomerChange> first = sandbox.data().customerChanges().change(null, 25, 7, List.of(Aspect.ADDRESS, Aspect.PHONE),
                true);
        sandbox.reset();
        List<CustomerChange> again = sandbox.data().customerChanges().change(null, 25, 7, List.of(Aspect.ADDRESS, Aspect.PHONE),
                true);
        assertThat(again).isEqualTo(first);
        assertThat(first.stream().map(CustomerChange::dataAreaId).distinct().count()).as("all companies").isGreaterThan(1);
        assertThat(first.get(0).after()).containsKey("AddressStreet").doesNotContainKey("PrimaryContactPhone");
        assertThat(first.get(1).after()).containsKey("PrimaryContactPhone").doesNotContainKey("AddressStreet");
        sandbox.reset();
        assertThat(sandbox.data().customerChanges().change(null, 25, 8, List.of(Aspect.ADDRESS), false)
                .stream().map(CustomerChange::customerAccount).toList())
                .isNotEqualTo(first.stream().map(CustomerChange::customerAccount).toList());
    }

    @Test
    void deletedCustomersAreGoneAndAddedOnesComeAfterTheSeed() {
        CustomerChanges changes = sandbox.data().customerChanges();
        List<CustomerChange> deleted = changes.delete("demf", 5, 3);
        for (CustomerChange change : deleted) {
            assertThat(http.get("/data/CustomersV3(dataAreaId='demf',CustomerAccount='" + change.customerAccount()
                    + "')?cross-company=true").statusCode()).isEqualTo(404);
        }
        List<CustomerChange> added = changes.add("demf", 3, 3);
        // the number sequence continues after the 1,000 seeded accounts (and is never reset, as in D365)
        List<Integer> numbers = added.stream().map(c -> CustomerGenerator.number(c.customerAccount())).toList();
        assertThat(numbers.get(0)).isGreaterThan(1_000);
        assertThat(numbers).containsExactly(numbers.get(0), numbers.get(0) + 1, numbers.get(0) + 2);
        assertThat(added).allMatch(c -> c.customerAccount().matches("DE-\\d{6}"));
        String second = added.get(1).customerAccount();
        assertThat(customer("demf", second).get("OrganizationName").asText()).isNotEmpty()
                .isEqualTo(added.get(1).after().get("OrganizationName"));
        JsonNode count = json(http.get("/data/CustomersV3?cross-company=true&$filter=dataAreaId eq 'demf'&$count=true&$top=0")
                .body());
        assertThat(count.get("@odata.count").asLong()).isEqualTo(1_000 - 5 + 3);
        assertThat(changes.liveCount("demf")).isEqualTo(998);
        assertThat(changes.change("demf", 998, 1, List.of(Aspect.PHONE), false)).as("added ones can change too")
                .anyMatch(c -> c.customerAccount().equals(added.get(2).customerAccount()));
        assertThatThrownBy(() -> changes.delete("demf", 999, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> changes.change("zz99", 1, 1, List.of(Aspect.NAME), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlEndpointsDriveTheSimulationBehindTheKey() {
        assertThat(http.send(HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + "/_sandbox/customers/change"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":1}"))).statusCode()).isEqualTo(401);
        JsonNode changed = json(http.control("POST", "/_sandbox/customers/change",
                "{\"dataAreaId\":\"gbsi\",\"percent\":1,\"seed\":5,\"aspects\":[\"EMAIL\"]}").body());
        assertThat(changed.get("count").asInt()).isEqualTo(10);
        Set<String> accounts = new HashSet<>();
        for (JsonNode change : changed.get("changes")) {
            assertThat(change.get("kind").asText()).isEqualTo("CHANGED");
            JsonNode email = change.get("fields").get("PrimaryContactEmail");
            assertThat(email.get("after").asText()).isNotEqualTo(email.get("before").asText());
            assertThat(customer("gbsi", change.get("CustomerAccount").asText()).get("PrimaryContactEmail").asText())
                    .isEqualTo(email.get("after").asText());
            accounts.add(change.get("CustomerAccount").asText());
        }
        assertThat(accounts).hasSize(10);
        JsonNode added = json(http.control("POST", "/_sandbox/customers/add", "{\"count\":2,\"seed\":1}").body());
        assertThat(added.get("changes")).hasSize(2);
        JsonNode deleted = json(http.control("POST", "/_sandbox/customers/delete", "{\"dataAreaId\":\"usmf\",\"count\":1}").body());
        assertThat(deleted.get("changes").get(0).get("kind").asText()).isEqualTo("DELETED");
        JsonNode log = json(http.control("GET", "/_sandbox/customers/changes", null).body());
        assertThat(log.get("count").asInt()).isEqualTo(13);
        assertThat(http.control("POST", "/_sandbox/customers/change", "{\"aspects\":[\"HAIR\"],\"count\":1}").statusCode())
                .isEqualTo(400);
        assertThat(http.control("POST", "/_sandbox/customers/change", "{}").statusCode()).isEqualTo(400);
        http.control("POST", "/_sandbox/reset", null);
        assertThat(json(http.control("GET", "/_sandbox/customers/changes", null).body()).get("count").asInt()).isZero();
    }
}
