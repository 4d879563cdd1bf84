package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.data.Directory;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.InputErrors;

/**
 * The company save validators of Adobe Commerce B2B ({@code Magento\Company\Model\SaveValidator\…}),
 * with their phrases. Most add to one {@code InputException}, thrown after all ran; the look-ups of
 * other entities (company, customer, sales representative, customer group) throw their 404 at once.
 * Their order in {@code di.xml} is not known here: required fields, e-mail and address are collected
 * first, and a look-up is skipped when its field is missing, so a missing field is reported as missing.
 */
final class CompanyRules {

    /** {@code RequiredFields}: PHP {@code empty()} on each, so {@code 0} and {@code "0"} count as missing. */
    static final List<String> REQUIRED = List.of("company_name", "company_email", "street", "city", "postcode",
            "telephone", "country_id", "super_user_id", "customer_group_id");
    static final String DUPLICATE_EMAIL = "Company with this email address already exists in the system."
            + " Enter a different email address to continue.";
    static final String OTHER_COMPANY = "This customer is a user of a different company."
            + " Enter a different email address to continue.";
    static final String INACTIVE_ADMIN = "The selected user is inactive."
            + " To continue, select another user or activate the current user.";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<Integer> STATUSES = Set.of(0, 1, 2, 3);

    private final CommerceSandboxData data;

    CompanyRules(CommerceSandboxData data) {
        this.data = data;
    }

    /** @param initial the stored company an update changes, null for a new one (or an unknown id) */
    void check(ObjectNode company, ObjectNode initial) {
        int id = Nodes.intValue(company, "id", 0);
        if (id != 0 && initial == null) {
            throw Nodes.noSuchEntity("companyId", id);
        }
        InputErrors errors = new InputErrors();
        REQUIRED.stream().filter(field -> Nodes.empty(company, field)).forEach(field -> errors.add(Nodes.required(field)));
        email(company, initial, errors);
        address(company, errors);
        admin(company, id, errors);
        int salesRep = Nodes.intValue(company, "sales_representative_id", 0);
        if (salesRep != 0 && !data.adminUserExists(salesRep)) {
            throw Nodes.noSuchEntity("salesRepresentativeId", salesRep);
        }
        int group = Nodes.intValue(company, "customer_group_id", 0);
        if (group != 0 && !data.customerGroupExists(group)) {
            throw Nodes.noSuchEntity("customerGroupId", group);
        }
        int status = Nodes.intValue(company, "status", 0);
        if (!STATUSES.contains(status)) {
            errors.add(Nodes.invalidValue("status", status));
        }
        errors.throwIfAny();
    }

    private void email(ObjectNode company, ObjectNode initial, InputErrors errors) {
        String email = Nodes.text(company, "company_email");
        if (email == null || email.isEmpty()) {
            return;
        }
        if (!EMAIL.matcher(email).matches()) {
            errors.add(invalid("company_email", email));
        } else if (initial == null || !email.equalsIgnoreCase(initial.path("company_email").asText())) {
            if (data.companyByEmail(email).isPresent()) {
                errors.add(CommerceException.badRequest(DUPLICATE_EMAIL));
            }
        }
    }

    private static void address(ObjectNode company, InputErrors errors) {
        String country = Nodes.text(company, "country_id");
        if (country == null || country.isEmpty()) {
            return;
        }
        if (!Directory.isCountry(country)) {
            errors.add(invalid("country_id", country));
            return;
        }
        Set<Integer> regions = Directory.regions(country);
        int regionId = Nodes.intValue(company, "region_id", 0);
        if (!regions.isEmpty() && !regions.contains(regionId)) {
            errors.add(invalid("region_id", company.path("region_id").asText("")));
        }
    }

    /** {@code CompanyAdmin}: the admin must exist, be active and belong to no other company. */
    private void admin(ObjectNode company, int companyId, InputErrors errors) {
        int admin = Nodes.intValue(company, "super_user_id", 0);
        if (admin == 0) {
            return;
        }
        ObjectNode customer = data.customerTable().get(admin).orElseThrow(() -> Nodes.noSuchEntity("customerId", admin));
        var attributes = customer.path("extension_attributes").path("company_attributes");
        if (attributes.isObject()) {
            if (attributes.has("status") && attributes.path("status").asInt() == 0) {
                errors.add(CommerceException.badRequest(INACTIVE_ADMIN));
            }
            int member = CompanyApi.companyOf(customer);
            if (member != 0 && member != companyId) {
                errors.add(CommerceException.badRequest(OTHER_COMPANY));
            }
        }
    }

    private static CommerceException invalid(String field, String value) {
        return Nodes.invalidValue(field, value);
    }
}
