package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * B2B {@code /V1/company}: create and update ({@code Company\Save}: address prepared, default sales
 * representative set, then the save validators of {@link CompanyRules}), read and search. The company
 * admin ({@code super_user_id}) becomes a member of the company (its {@code company_attributes}), and
 * a new company gets its company credit record, as in Commerce. Company e-mails are found through an
 * index. Like the customer update, an update must carry every required field again; fields it leaves
 * out keep their values.
 */
public final class CompanyApi {

    static final String ACL = "Magento_Company::index";

    private final CommerceSandboxData data;
    private final boolean inputLimits;
    private final CompanyRules rules;

    public CompanyApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
        this.rules = new CompanyRules(data);
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/company", ACL, List.of("company"), this::create));
        routes.add(new Route("PUT", "/V1/company/{companyId}", ACL, List.of("company"), this::update));
        routes.add(new Route("GET", "/V1/company", ACL, List.of(), call ->
                SearchExecutor.search(data.companyTable(), SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/company/{companyId}", ACL, List.of(), call ->
                data.companyTable().get(call.pathInt("companyId"))
                        .orElseThrow(() -> Nodes.noSuchEntity("id", call.path("companyId")))));
    }

    private Object create(ApiCall call) {
        ObjectNode company = Nodes.object(call.member("company"), "company");
        company.remove("id");
        prepare(company);
        rules.check(company, null);
        company.put("status", Nodes.intValue(company, "status", 0));
        // Commerce stores NULL here; the contract declares both required strings, so they are sent empty.
        company.put("reject_reason", company.path("reject_reason").asText(""));
        company.put("rejected_at", company.path("rejected_at").asText(""));
        int id = data.companyTable().insert(company);
        data.creditTable().insert(CompanyCreditApi.newCredit(data, id));
        linkSuperUser(company, id);
        return company;
    }

    private Object update(ApiCall call) {
        int id = call.pathInt("companyId");
        ObjectNode changes = Nodes.object(call.member("company"), "company");
        changes.put("id", id);
        prepare(changes);
        ObjectNode existing = data.companyTable().get(id).orElse(null);
        rules.check(changes, existing);
        ObjectNode merged = existing.deepCopy();
        merged.setAll(changes);
        // processAddress saved the region id as NULL when the update has none
        merged.remove(changes.has("region_id") ? "region" : "region_id");
        data.companyTable().put(id, merged);
        linkSuperUser(merged, id);
        return merged;
    }

    /**
     * {@code Company\Save::processAddress} and {@code processSalesRepresentative}: a region id drops the
     * region text (and no region id the id), and a company without a sales representative gets the
     * first admin user.
     */
    private static void prepare(ObjectNode company) {
        if (Nodes.empty(company, "region_id")) {
            company.remove("region_id");
        } else {
            company.remove("region");
        }
        if (Nodes.empty(company, "sales_representative_id")) {
            company.put("sales_representative_id", 1);
        }
    }

    private void linkSuperUser(ObjectNode company, int companyId) {
        int admin = company.get("super_user_id").asInt();
        data.customerTable().update(admin, customer -> {
            ObjectNode attributes = customer.with("extension_attributes").with("company_attributes");
            attributes.put("customer_id", admin).put("company_id", companyId).put("status", 1);
        });
    }

    /** The company this customer belongs to, 0 for none. */
    static int companyOf(JsonNode customer) {
        return customer.path("extension_attributes").path("company_attributes").path("company_id").asInt(0);
    }
}
