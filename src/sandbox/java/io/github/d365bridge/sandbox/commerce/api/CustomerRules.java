package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions.StoreView;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.StoreScope;

/**
 * The checks Magento 2.4.8 runs on a customer account, with its exact phrases, in its order:
 * {@code AccountManagement} resolves store and website, {@code CustomerRepository} checks the group,
 * the customer resource model checks the e-mail is there and unique in the website, then the
 * {@code customer/save} validators (EAV data rules, then the name characters) report together, one
 * line each, as a single message without parameters.
 */
final class CustomerRules {

    static final String DUPLICATE = "A customer with the same email address already exists in an associated website.";
    static final String EMAIL_MISSING = "The customer email is missing. Enter and try again.";
    static final String STORE_NOT_IN_WEBSITE = "The store view is not in the associated website.";
    static final String UNKNOWN_GROUP = "The specified customer group id does not exist.";
    static final String UNKNOWN_STORE = "The store that was requested wasn't found. Verify the store and try again.";
    static final String UNKNOWN_WEBSITE = "The website with id %1 that was requested wasn't found. Verify the website and try again.";

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int PASSWORD_CHARACTER_CLASSES = 3;
    static final int MAX_PASSWORD_LENGTH = 256;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** 2.4.8's name validator: letters, marks, digits, spaces and {@code , - _ . ' ’ ` &}. */
    private static final Pattern NAME_REFUSED = Pattern.compile("[^\\p{L}\\p{M},\\-_.'’`&\\s\\d]");

    private final CommerceSandboxData data;

    CustomerRules(CommerceSandboxData data) {
        this.data = data;
    }

    /**
     * Store and website of a new account, written into {@code customer}: a missing store is the
     * website's default store, else the store of the URL; a missing website is the store's.
     */
    void resolveScope(ObjectNode customer, StoreScope url) {
        int websiteId = Nodes.intValue(customer, "website_id", 0);
        int storeId = Nodes.intValue(customer, "store_id", 0);
        if (storeId == 0) {
            storeId = websiteId != 0 ? websiteDefaultStore(websiteId) : url.global() ? 1 : url.storeId();
        }
        if (websiteId == 0) {
            websiteId = data.storeView(storeId).map(StoreView::websiteId)
                    .orElseThrow(() -> CommerceException.notFound(UNKNOWN_STORE));
        }
        websiteDefaultStore(websiteId);
        int store = storeId;
        if (data.storeViewsOf(websiteId).stream().noneMatch(s -> s.id() == store)) {
            throw CommerceException.badRequest(STORE_NOT_IN_WEBSITE);
        }
        customer.put("website_id", websiteId).put("store_id", storeId);
    }

    private int websiteDefaultStore(int websiteId) {
        if (data.website(websiteId).isEmpty()) {
            throw CommerceException.notFound(UNKNOWN_WEBSITE, String.valueOf(websiteId));
        }
        return data.storeViewsOf(websiteId).stream().findFirst().map(StoreView::id)
                .orElseThrow(() -> CommerceException.notFound(UNKNOWN_STORE));
    }

    /** {@code group_id} 0 or absent means "the default group", anything else must exist. */
    void checkGroup(ObjectNode customer) {
        int group = Nodes.intValue(customer, "group_id", 0);
        if (group != 0 && !data.customerGroupExists(group)) {
            throw CommerceException.badRequest(UNKNOWN_GROUP);
        }
    }

    /** The resource model's checks and the save validators; {@code selfId} -1 for a new account. */
    void checkAccount(ObjectNode customer, int websiteId, int selfId) {
        String email = Nodes.text(customer, "email");
        if (email == null || email.isEmpty()) {
            throw CommerceException.badRequest(EMAIL_MISSING);
        }
        data.customerByEmail(email, websiteId).filter(other -> other.path("id").asInt() != selfId).ifPresent(other -> {
            throw CommerceException.badRequest(DUPLICATE);
        });
        List<String> problems = new ArrayList<>();
        required(customer, "firstname", "First Name", problems);
        required(customer, "lastname", "Last Name", problems);
        if (!EMAIL.matcher(email).matches()) {
            problems.add("\"Email\" is not a valid email address.");
        }
        name(customer, "firstname", "First Name", problems);
        name(customer, "lastname", "Last Name", problems);
        name(customer, "middlename", "Middle Name", problems);
        if (!problems.isEmpty()) {
            throw CommerceException.badRequest(String.join("\n", problems));
        }
    }

    /** {@code AccountManagement::checkPasswordStrength}, then "not the same as the e-mail". */
    static void checkPassword(String password, String email) {
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw CommerceException.badRequest("Please enter a password with at most %1 characters.",
                    String.valueOf(MAX_PASSWORD_LENGTH));
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw CommerceException.badRequest(
                    "The password needs at least %1 characters. Create a new password and try again.",
                    String.valueOf(MIN_PASSWORD_LENGTH));
        }
        if (!password.strip().equals(password)) {
            throw CommerceException.badRequest("The password can't begin or end with a space. Verify the password and try again.");
        }
        int classes = (password.matches(".*[0-9].*") ? 1 : 0) + (password.matches(".*[A-Z].*") ? 1 : 0)
                + (password.matches(".*[a-z].*") ? 1 : 0) + (password.matches(".*[^a-zA-Z0-9].*") ? 1 : 0);
        if (classes < PASSWORD_CHARACTER_CLASSES) {
            throw CommerceException.badRequest("Minimum of different classes of characters in password is %1."
                    + " Classes of characters: Lower Case, Upper Case, Digits, Special Characters.",
                    String.valueOf(PASSWORD_CHARACTER_CLASSES));
        }
        if (password.equalsIgnoreCase(email)) {
            throw CommerceException.badRequest(
                    "The password can't be the same as the email address. Create a new password and try again.");
        }
    }

    private static void required(ObjectNode customer, String field, String label, List<String> problems) {
        String value = Nodes.text(customer, field);
        if (value == null || value.isEmpty()) {
            problems.add("\"" + label + "\" is a required value.");
        }
    }

    private static void name(ObjectNode customer, String field, String label, List<String> problems) {
        String value = Nodes.text(customer, field);
        if (value != null && NAME_REFUSED.matcher(value).find()) {
            problems.add(label + " is not valid!");
        }
    }
}
