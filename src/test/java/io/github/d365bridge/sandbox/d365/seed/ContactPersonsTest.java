package io.github.d365bridge.sandbox.d365.seed;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Contact persons exist for organisations without a PrimaryContactEmail, and link to their customer as
 * the contract's fields do: the customer's ContactPersonId names the default contact, the contact's
 * AssociatedPartyNumber is the customer's PartyNumber.
 */
class ContactPersonsTest {

    @Test
    void contactsBelongToOrganisationsWithoutEmailAndLinkBothWays() {
        D365SandboxData data = new D365SandboxData(D365SandboxOptions.builder().seedSizes(new SeedSizes(2_000, 10, 1, 1)).build());
        EntityTable contacts = data.table("ContactPersons");
        Map<String, Map<String, Object>> customersByParty = new HashMap<>();
        int organisationsWithoutEmail = 0;
        int named = 0;
        for (Map<String, Object> customer : data.rows("CustomersV3", r -> true)) {
            customersByParty.put(customer.get("dataAreaId") + "/" + customer.get("PartyNumber"), customer);
            boolean noEmail = customer.get("PartyType").equals("Organization") && customer.get("PrimaryContactEmail").equals("");
            organisationsWithoutEmail += noEmail ? 1 : 0;
            String id = (String) customer.get("ContactPersonId");
            if (!id.isEmpty()) {
                named++;
                assertThat(noEmail).as("only organisations without an e-mail have contacts").isTrue();
                Map<String, Object> contact = data.find("ContactPersons", customer.get("dataAreaId"), id).orElseThrow();
                assertThat(contact).containsEntry("AssociatedPartyNumber", customer.get("PartyNumber"))
                        .containsEntry("IsDefaultContactPerson", "Yes").containsEntry("ContactPersonPartyType", "Person");
            }
        }
        assertThat((double) named / organisationsWithoutEmail).as("some, not all").isBetween(0.54, 0.66);
        int withEmail = 0;
        int seconds = 0;
        for (int i = 0; i < contacts.scanSize(); i++) {
            Map<String, Object> contact = contacts.rowAt(i);
            Map<String, Object> customer = customersByParty.get(contact.get("dataAreaId") + "/" + contact.get("AssociatedPartyNumber"));
            assertThat(customer).as("every contact's party is a customer of its company").isNotNull();
            assertThat((String) contact.get("ContactPersonPartyNumber")).isNotEqualTo(customer.get("PartyNumber"));
            withEmail += contact.get("PrimaryEmailAddress").equals("") ? 0 : 1;
            if (contact.get("IsDefaultContactPerson").equals("No")) {
                seconds++;
                assertThat(customer.get("ContactPersonId")).as("the customer names its default contact only")
                        .isNotEqualTo(contact.get("ContactPersonId"));
            }
            List<Object> key = List.of(contact.get("dataAreaId"), contact.get("ContactPersonId"));
            assertThat(contacts.find(key)).contains(contact);
        }
        assertThat(seconds).isPositive();
        assertThat((double) withEmail / contacts.scanSize()).isBetween(0.75, 0.92);
        assertThat(data.find("ContactPersons", "usmf", "CP-999999")).isEmpty();
        assertThat(data.find("ContactPersons", "usmf", "XX-000001")).isEmpty();
    }

    @Test
    void aSyncFindsTheContactOfAnOrganisationOverOData() {
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options().build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            JsonNode customer = json(http.get("/data/CustomersV3?$select=CustomerAccount,PartyNumber,ContactPersonId"
                    + "&$filter=ContactPersonId ne ''&$top=1").body()).get("value").get(0);
            JsonNode contact = json(http.get("/data/ContactPersons(dataAreaId='usmf',ContactPersonId='"
                    + customer.get("ContactPersonId").asText() + "')").body());
            assertThat(contact.get("AssociatedPartyNumber").asText()).isEqualTo(customer.get("PartyNumber").asText());
            JsonNode byParty = json(http.get("/data/ContactPersons?$filter=AssociatedPartyNumber eq '"
                    + customer.get("PartyNumber").asText() + "'").body()).get("value");
            assertThat(byParty).isNotEmpty().allMatch(c -> c.get("AssociatedPartyNumber").asText()
                    .equals(customer.get("PartyNumber").asText()));
        }
    }
}
