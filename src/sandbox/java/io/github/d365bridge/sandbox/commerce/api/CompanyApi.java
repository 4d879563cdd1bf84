package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * B2B {@code /V1/company}: the company admin ({@code super_user_id}) must be an existing customer,
 * and becomes a member of the company (its {@code company_attributes}), as in Commerce.
 */
public final class CompanyApi {

    static final String ACL = "Magento_Company::index";
    private static final List<String> REQUIRED = List.of(
            "company_name", "company_email", "city", "country_id", "postcode", "telephone");

    private final CommerceSandboxData data;
    private final boolean inputLimits;

    public CompanyApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/company", ACL, List.of("company"), this::create));
        routes.add(new Route("PUT", "/V1/company/{companyId}", ACL, List.of("company"), this::update));
        routes.add(new Route("GET", "/V1/company", ACL, List.of(), call ->
                SearchExecutor.search(data.companyTable().all(), "id", SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/company/{companyId}", ACL, List.of(), call ->
                data.companyTable().get(call.pathInt("companyId"))
                        .orElseThrow(() -> Nodes.noSuchEntity("companyId", call.path("companyId")))));
    }

    private Object create(ApiCall call) {
        ObjectNode company = Nodes.object(call.member("company"), "company");
        company.remove("id");
        validate(company);
        company.put("status", Nodes.intValue(company, "status", 0));
        company.put("customer_group_id", Nodes.intValue(company, "customer_group_id", 1));
        company.put("sales_representative_id", Nodes.intValue(company, "sales_representative_id", 1));
        // Commerce stores NULL here; the contract declares both required strings, so they are sent empty.
        company.put("reject_reason", company.path("reject_reason").asText(""));
        company.put("rejected_at", company.path("rejected_at").asText(""));
        int id = data.companyTable().insert(company);
        linkSuperUser(company, id);
        return company;
    }

    private Object update(ApiCall call) {
        int id = call.pathInt("companyId");
        ObjectNode existing = data.companyTable().get(id).orElseThrow(() -> Nodes.noSuchEntity("companyId", id));
        ObjectNode merged = existing.deepCopy();
        merged.setAll(Nodes.object(call.member("company"), "company"));
        merged.put("id", id);
        validate(merged);
        existing.removeAll();
        existing.setAll(merged);
        linkSuperUser(existing, id);
        return existing;
    }

    private void validate(ObjectNode company) {
        REQUIRED.forEach(field -> Nodes.requiredText(company, field));
        if (!company.path("street").isArray() || company.path("street").isEmpty()) {
            Nodes.requiredText(company.putNull("street"), "street");
        }
        if (!company.hasNonNull("super_user_id")) {
            Nodes.requiredText(company, "super_user_id");
        }
        int superUser = Nodes.intValue(company, "super_user_id", 0);
        if (data.customerTable().get(superUser).isEmpty()) {
            throw Nodes.noSuchEntity("customerId", superUser);
        }
        int status = Nodes.intValue(company, "status", 0);
        if (status < 0 || status > 3) {
            throw Nodes.invalidValue("status", status);
        }
        company.put("super_user_id", superUser);
    }

    private void linkSuperUser(ObjectNode company, int companyId) {
        ObjectNode customer = data.customerTable().get(company.get("super_user_id").asInt()).orElseThrow();
        ObjectNode attributes = customer.with("extension_attributes").with("company_attributes");
        attributes.put("customer_id", customer.get("id").asInt()).put("company_id", companyId).put("status", 1);
    }
}
