package io.github.d365bridge.flow.customers.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncRecord;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.CustomerSyncMapping;
import io.github.d365bridge.mapping.CustomerSyncMapping.LegalEntitySync;
import io.github.d365bridge.mapping.CustomerSyncMapping.WebsiteTarget;

/**
 * A D365 customer → what is written to Commerce per website: a customer (persons, and organisations when the
 * profile says so) or a B2B company with its super user and credit limit. Pure: the payload is exactly what
 * the writer sends, so its hash moves only when that does. Skips (no e-mail, on hold) are records too, with
 * their reason, so they are reported once and again only when they change.
 */
public final class CustomerSyncMapper implements SyncMapper<CustomerSource> {

    public static final String CUSTOMER = "customer";
    public static final String COMPANY = "company";
    /** D365's CustVendorBlocked members that do not block sales. */
    private static final Set<String> NOT_BLOCKED = Set.of("", "No", "Never");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int COMPANY_STATUS_ACTIVE = 1;
    private static final int COMPANY_STATUS_BLOCKED = 3;

    private final CustomerSyncMapping profile;

    public CustomerSyncMapper(CustomerSyncMapping profile) {
        this.profile = profile;
    }

    @Override
    public List<SyncRecord> map(String legalEntity, CustomerSource source) {
        CustomerV3 c = source.customer();
        LegalEntitySync target = profile.legalEntity(legalEntity).orElseThrow(() -> new IllegalStateException(
                "customerSync.legalEntities has no " + legalEntity));
        boolean company = isOrganisation(c) && profile.organisations() == CustomerSyncMapping.Organisations.COMPANIES;
        String type = company ? COMPANY : CUSTOMER;
        // A company is one in Commerce whatever the websites: it goes to the first website, its super user's.
        List<WebsiteTarget> websites = company ? target.websites().subList(0, 1) : target.websites();
        String account = c.customerAccount();
        Optional<String> skip = skipReason(c, source);
        List<SyncRecord> records = new ArrayList<>();
        for (WebsiteTarget website : websites) {
            if (skip.isPresent()) {
                records.add(SyncRecord.skipped(account, website.code(), type, skip.get()));
            } else {
                records.add(SyncRecord.write(account, website.code(), type,
                        company ? company(c, source, target, website) : customer(c, source, target, website)));
            }
        }
        return records;
    }

    private Optional<String> skipReason(CustomerV3 c, CustomerSource source) {
        if (blocked(c) && profile.blocked() == CustomerSyncMapping.Blocked.SKIP) {
            return Optional.of("on hold in D365 (OnHoldStatus " + c.onHoldStatus() + "; customerSync.blocked is skip)");
        }
        if (email(c, source).isEmpty()) {
            return Optional.of(isOrganisation(c) && profile.noEmail() == CustomerSyncMapping.NoEmail.CONTACT_PERSON
                    ? "no e-mail: PrimaryContactEmail is empty and no contact person has one"
                    : "no e-mail: PrimaryContactEmail is empty (customerSync.noEmail is " + noEmailName() + ")");
        }
        return Optional.empty();
    }

    private String noEmailName() {
        return profile.noEmail() == CustomerSyncMapping.NoEmail.SKIP ? "skip" : "contact-person";
    }

    private ObjectNode customer(CustomerV3 c, CustomerSource source, LegalEntitySync target, WebsiteTarget website) {
        ObjectNode customer = Json.mapper().createObjectNode();
        customer.put("email", email(c, source).orElseThrow());
        if (isOrganisation(c)) {
            customer.put("firstname", required(c.organizationName(), "OrganizationName"));
            customer.put("lastname", c.customerAccount());
        } else {
            customer.put("firstname", required(c.personFirstName(), "PersonFirstName"));
            customer.put("lastname", required(c.personLastName(), "PersonLastName"));
            text(c.personMiddleName()).ifPresent(m -> customer.put("middlename", m));
        }
        customer.put("website_id", Integer.parseInt(website.websiteId()));
        customer.put("store_id", Integer.parseInt(store(c, website)));
        customer.put("group_id", Integer.parseInt(group(c, target, true)));
        taxvat(c).ifPresent(t -> customer.put("taxvat", t));
        ArrayNode addresses = addresses(c, firstName(customer), customer.path("lastname").asText());
        if (!addresses.isEmpty()) {
            customer.set("addresses", addresses);
        }
        return customer;
    }

    private ObjectNode company(CustomerV3 c, CustomerSource source, LegalEntitySync target, WebsiteTarget website) {
        String email = email(c, source).orElseThrow();
        ObjectNode company = Json.mapper().createObjectNode();
        String name = required(c.organizationName(), "OrganizationName");
        company.put("company_name", name).put("legal_name", name).put("company_email", email);
        String country = Countries.alpha2(c.addressCountryRegionIsoCode(), c.addressCountryRegionId())
                .orElseThrow(() -> new IllegalArgumentException("AddressCountryRegionId is empty: a B2B company needs"
                        + " its legal address"));
        company.set("street", street(required(c.addressStreet(), "AddressStreet")));
        company.put("city", required(c.addressCity(), "AddressCity")).put("country_id", country)
                .put("postcode", required(c.addressZipCode(), "AddressZipCode"));
        region(c.addressState(), country).ifPresent(r -> company.put("region", r));
        text(c.primaryContactPhone()).ifPresent(p -> company.put("telephone", p));
        company.put("customer_group_id", Integer.parseInt(group(c, target, false)));
        taxvat(c).ifPresent(t -> company.put("vat_tax_id", t));
        company.put("status", blocked(c) ? COMPANY_STATUS_BLOCKED : COMPANY_STATUS_ACTIVE);
        ObjectNode superUser = Json.mapper().createObjectNode().put("email", email);
        Optional<CustomerSource.Contact> contact = source.contact().filter(k -> !text(c.primaryContactEmail()).isPresent());
        superUser.put("firstname", contact.flatMap(k -> text(k.firstName())).orElse(name));
        superUser.put("lastname", contact.flatMap(k -> text(k.lastName())).orElse(c.customerAccount()));
        superUser.put("website_id", Integer.parseInt(website.websiteId()))
                .put("store_id", Integer.parseInt(store(c, website)))
                .put("group_id", Integer.parseInt(group(c, target, false)));
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.set("company", company);
        payload.set("superUser", superUser);
        if (c.creditLimit() != null && c.creditLimit().compareTo(BigDecimal.ZERO) > 0) {
            payload.putObject("credit").put("credit_limit", c.creditLimit())
                    .put("currency_code", text(c.salesCurrencyCode()).orElse(""));
        }
        return payload;
    }

    private ArrayNode addresses(CustomerV3 c, String firstName, String lastName) {
        ArrayNode addresses = Json.mapper().createArrayNode();
        if (text(c.primaryContactPhone()).isEmpty()) {
            // Commerce refuses an address without a telephone, and D365 has none for this customer
            if (profile.addressWithoutPhone() == CustomerSyncMapping.AddressWithoutPhone.FAIL
                    && text(c.addressStreet()).isPresent()) {
                throw new IllegalArgumentException("PrimaryContactPhone is empty: Commerce requires a telephone on every"
                        + " address (customerSync.addressWithoutPhone is fail)");
            }
            return addresses;
        }
        Optional<ObjectNode> main = address(c.addressStreet(), c.addressCity(), c.addressZipCode(), c.addressState(),
                c.addressCountryRegionIsoCode(), c.addressCountryRegionId(), c, firstName, lastName);
        Optional<ObjectNode> delivery = address(c.deliveryAddressStreet(), c.deliveryAddressCity(),
                c.deliveryAddressZipCode(), c.deliveryAddressState(), c.deliveryAddressCountryRegionIsoCode(),
                c.deliveryAddressCountryRegionId(), c, firstName, lastName);
        if (main.isPresent() && (delivery.isEmpty() || delivery.get().equals(main.get()))) {
            addresses.add(main.get().put("default_billing", true).put("default_shipping", true));
        } else {
            main.ifPresent(a -> addresses.add(a.put("default_billing", true).put("default_shipping", false)));
            delivery.ifPresent(a -> addresses.add(a.put("default_billing", main.isEmpty()).put("default_shipping", true)));
        }
        return addresses;
    }

    /** D365's state, else the profile's region for the country (customerSync.defaultRegions), else none. */
    private Optional<String> region(String state, String country) {
        return text(state).or(() -> Optional.ofNullable(profile.defaultRegions().get(country)).filter(r -> !r.isBlank()));
    }

    private Optional<ObjectNode> address(String street, String city, String zip, String state, String isoCode,
            String regionId, CustomerV3 c, String firstName, String lastName) {
        if (text(street).isEmpty() || text(city).isEmpty()) {
            return Optional.empty();
        }
        ObjectNode address = Json.mapper().createObjectNode().put("firstname", firstName).put("lastname", lastName);
        address.set("street", street(street));
        address.put("city", city.strip());
        text(zip).ifPresent(z -> address.put("postcode", z));
        Optional<String> country = Countries.alpha2(isoCode, regionId);
        country.ifPresent(code -> address.put("country_id", code));
        region(state, country.orElse("")).ifPresent(s -> address.putObject("region").put("region_code", s)
                .put("region", s));
        text(c.primaryContactPhone()).ifPresent(p -> address.put("telephone", p));
        if (isOrganisation(c)) {
            text(c.organizationName()).ifPresent(o -> address.put("company", o));
        }
        return Optional.of(address);
    }

    /** D365 keeps a street's lines in one field, separated by line breaks; Commerce wants a list. */
    private static ArrayNode street(String street) {
        ArrayNode lines = Json.mapper().createArrayNode();
        for (String line : street.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private String group(CustomerV3 c, LegalEntitySync target, boolean person) {
        if (blocked(c) && profile.blocked() == CustomerSyncMapping.Blocked.DISABLE && person) {
            return profile.blockedGroup();
        }
        if (profile.taxExempt() == CustomerSyncMapping.TaxExempt.GROUP && text(c.taxExemptNumber()).isPresent()) {
            return profile.taxExemptGroup();
        }
        if (profile.groupFrom() == CustomerSyncMapping.GroupFrom.PRICE_GROUP_FIRST) {
            Optional<String> byPrice = text(c.discountPriceGroupId()).map(target.priceGroups()::get);
            if (byPrice.isPresent()) {
                return byPrice.get();
            }
        }
        return text(c.customerGroupId()).map(target.groups()::get).orElse(target.defaultGroup());
    }

    private Optional<String> taxvat(CustomerV3 c) {
        return profile.taxExempt() == CustomerSyncMapping.TaxExempt.NONE ? Optional.empty() : text(c.taxExemptNumber());
    }

    private static String store(CustomerV3 c, WebsiteTarget website) {
        return text(c.languageId()).map(l -> website.stores().get(l.toLowerCase(Locale.ROOT)))
                .orElse(website.storeId());
    }

    private Optional<String> email(CustomerV3 c, CustomerSource source) {
        Optional<String> own = text(c.primaryContactEmail());
        Optional<String> email = own.isPresent() || profile.noEmail() != CustomerSyncMapping.NoEmail.CONTACT_PERSON
                ? own : source.contact().flatMap(k -> text(k.email()));
        email.ifPresent(e -> {
            if (!EMAIL.matcher(e).matches()) {
                throw new IllegalArgumentException("PrimaryContactEmail '" + e + "' is not an e-mail address");
            }
        });
        return email;
    }

    private static boolean blocked(CustomerV3 c) {
        return !NOT_BLOCKED.contains(c.onHoldStatus() == null ? "" : c.onHoldStatus());
    }

    static boolean isOrganisation(CustomerV3 c) {
        return "Organization".equalsIgnoreCase(c.partyType());
    }

    private static String firstName(ObjectNode customer) {
        return customer.path("firstname").asText();
    }

    private static String required(String value, String field) {
        return text(value).orElseThrow(() -> new IllegalArgumentException(field + " is empty"));
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
