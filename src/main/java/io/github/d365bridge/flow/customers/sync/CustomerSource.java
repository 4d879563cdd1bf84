package io.github.d365bridge.flow.customers.sync;

import java.util.Optional;

import io.github.d365bridge.client.d365.entities.CustomerV3;

/**
 * A D365 customer as the sync reads it: its {@code CustomersV3} row and, for an organisation without an
 * e-mail when the profile allows it, the e-mail and name of its contact person.
 */
public record CustomerSource(CustomerV3 customer, Optional<Contact> contact) {

    public record Contact(String email, String firstName, String lastName) {
    }

    public static CustomerSource of(CustomerV3 customer) {
        return new CustomerSource(customer, Optional.empty());
    }
}
