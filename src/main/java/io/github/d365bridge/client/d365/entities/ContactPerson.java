package io.github.d365bridge.client.d365.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A row of {@code ContactPersons} (keys dataAreaId, ContactPersonId): a person who is a contact of a party.
 * {@code AssociatedPartyNumber} is the party it is a contact of ({@code CustomersV3.PartyNumber}); the
 * customer's {@code ContactPersonId} names its primary contact. The ~110 other fields are ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactPerson(
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("ContactPersonId") String contactPersonId,
        @JsonProperty("AssociatedPartyNumber") String associatedPartyNumber,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("PrimaryEmailAddress") String primaryEmailAddress) {

    public static final String ENTITY_SET = "ContactPersons";
}
