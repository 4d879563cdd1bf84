package io.github.d365bridge.sandbox.d365.rules;

import static io.github.d365bridge.sandbox.d365.rules.RowDefaults.string;

import java.util.Map;

import io.github.d365bridge.sandbox.d365.D365SandboxData;

/** Creating a customer: account from the number sequence, party type, the mandatory fields of the minimal create. */
final class CustomerRules {

    private CustomerRules() {
    }

    static void complete(D365SandboxData data, Map<String, Object> row, Map<String, Object> given) {
        String company = string(row, "dataAreaId");
        if (string(row, "CustomerAccount").isEmpty()) {
            row.put("CustomerAccount", data.nextCustomerAccount(company));
        }
        String partyType = given.containsKey("PartyType") ? string(row, "PartyType") : "Organization";
        if (!partyType.equals("Person") && !partyType.equals("Organization")) {
            throw new RuleViolation("Party type '" + partyType + "' is not valid; use Person or Organization.");
        }
        row.put("PartyType", partyType);
        if (partyType.equals("Person") && string(row, "OrganizationName").isEmpty()) {
            row.put("OrganizationName", (string(row, "PersonFirstName") + " " + string(row, "PersonLastName")).trim());
        }
        if (string(row, "OrganizationName").isEmpty()) {
            throw RuleViolation.mandatory("Name");
        }
        if (string(row, "CustomerGroupId").isEmpty()) {
            throw RuleViolation.mandatory("Customer group");
        }
        if (string(row, "SalesCurrencyCode").isEmpty()) {
            throw RuleViolation.mandatory("Currency");
        }
        if (string(row, "PartyNumber").isEmpty()) {
            row.put("PartyNumber", String.format("%09d", data.nextPartyNumber()));
        }
    }
}
