package io.github.d365bridge.sandbox.commerce.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * B2B company credit ({@code Magento_CompanyCredit}): every company has one credit record, created with
 * it (no limit, balance 0, the default website's currency). {@code PUT /V1/companyCredits/{id}} runs
 * {@code CreditLimitRepository::save}: the body must name the company and the currency again
 * ({@code Validator::validateRequired}), the company must be the credit's own, the currency one of the
 * store's and the limit not negative. A limit left out or null stays unset; Commerce leaves null
 * fields out of its answers, so a credit without a limit has no {@code credit_limit} at all.
 */
public final class CompanyCreditApi {

    static final String ACL = "Magento_CompanyCredit::credit";
    static final String NOT_FOUND = "Requested company is not found. Row ID: %fieldName = %fieldValue.";
    static final String INVALID_ATTRIBUTE = "Invalid attribute value. Row ID: %fieldName = %fieldValue.";

    private final CommerceSandboxData data;
    private final boolean inputLimits;

    public CompanyCreditApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("GET", "/V1/companyCredits", ACL, List.of(), call -> {
            ObjectNode found = SearchExecutor.search(data.creditTable(), SearchRequest.parse(call.query(), inputLimits));
            ArrayNode items = (ArrayNode) found.get("items");
            for (int i = 0; i < items.size(); i++) {
                items.set(i, answer((ObjectNode) items.get(i)));
            }
            return found;
        }));
        routes.add(new Route("GET", "/V1/companyCredits/company/{companyId}", ACL, List.of(), call -> {
            int companyId = call.pathInt("companyId");
            return data.creditOfCompany(companyId).map(CompanyCreditApi::answer).orElseThrow(() ->
                    CommerceException.named(404, NOT_FOUND, Nodes.ordered("fieldName", "CompanyID", "fieldValue", String.valueOf(companyId))));
        }));
        routes.add(new Route("GET", "/V1/companyCredits/{creditId}", ACL, List.of(), call ->
                answer(credit(call.pathInt("creditId")))));
        routes.add(new Route("PUT", "/V1/companyCredits/{id}", ACL, List.of("credit_limit"), this::update));
    }

    /** The record a new company gets. */
    public static ObjectNode newCredit(CommerceSandboxData data, int companyId) {
        String currency = data.storeView(1).map(s -> s.currency()).orElse("USD");
        return Json.mapper().createObjectNode().put("company_id", companyId).put("balance", 0)
                .put("currency_code", currency).put("exceed_limit", false);
    }

    private ObjectNode credit(int creditId) {
        return data.creditTable().get(creditId).orElseThrow(() -> CommerceException.named(404, NOT_FOUND,
                Nodes.ordered("fieldName", "CompanyCreditID", "fieldValue", String.valueOf(creditId))));
    }

    private Object update(ApiCall call) {
        int id = call.pathInt("id");
        ObjectNode stored = credit(id);
        // the body member is creditLimit, seen here snake_cased like every key
        JsonNode member = call.body().get("credit_limit");
        if (member == null || member.isNull()) {
            throw Nodes.required("creditLimit");
        }
        ObjectNode input = Nodes.object(member, "creditLimit");
        if (!input.hasNonNull("company_id")) {
            throw Nodes.required("company_id");
        }
        if (!input.hasNonNull("currency_code")) {
            throw Nodes.required("currency_code");
        }
        int companyId = Nodes.intValue(input, "company_id", 0);
        if (companyId != stored.get("company_id").asInt()) {
            throw Nodes.invalidValue("company_id", input.get("company_id").asText());
        }
        String currency = input.get("currency_code").asText();
        if (!data.currencies().contains(currency)) {
            throw invalidAttribute("currency_code", currency);
        }
        JsonNode limit = input.get("credit_limit");
        if (limit != null && !limit.isNull() && Nodes.number(input, "credit_limit", 0) < 0) {
            throw invalidAttribute("credit_limit", limit.asText());
        }
        stored.put("currency_code", currency);
        if (limit != null && !limit.isNull()) {
            stored.put("credit_limit", new BigDecimal(limit.asText()));
        }
        if (input.has("exceed_limit")) {
            stored.put("exceed_limit", input.get("exceed_limit").asBoolean());
        }
        data.creditTable().put(id, stored);
        return answer(stored);
    }

    /** As Commerce answers: {@code available_limit} is the limit plus the (negative when used) balance. */
    static ObjectNode answer(ObjectNode credit) {
        ObjectNode answer = credit.deepCopy();
        BigDecimal limit = credit.hasNonNull("credit_limit") ? credit.get("credit_limit").decimalValue() : BigDecimal.ZERO;
        answer.put("available_limit", limit.add(credit.path("balance").decimalValue()));
        return answer;
    }

    private static CommerceException invalidAttribute(String field, String value) {
        return CommerceException.named(400, INVALID_ATTRIBUTE, Nodes.ordered("fieldName", field, "fieldValue", value));
    }
}
