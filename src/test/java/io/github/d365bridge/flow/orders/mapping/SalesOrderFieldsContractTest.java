package io.github.d365bridge.flow.orders.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.Json;

/**
 * Every column the mapper writes must be a field of the D365 entity, as the contract generated from a
 * real tenant's metadata says; a misspelt column is silently ignored by a DMF import (or fails its
 * mapping), so this is checked here rather than discovered in D365.
 */
class SalesOrderFieldsContractTest {

    private static final Path CONTRACT = Path.of("../shared/contracts/d365-fo/scm-odata-openapi.json");

    /** The schema's field names, upper-cased as package columns are. */
    static Set<String> contractFields(String schema) throws IOException {
        assertThat(CONTRACT).as("contract file (run from the project directory)").isRegularFile();
        JsonNode properties = Json.mapper().readTree(Files.readString(CONTRACT))
                .path("components").path("schemas").path(schema).path("properties");
        assertThat(properties.isObject()).as("schema %s in %s", schema, CONTRACT).isTrue();
        Set<String> fields = new TreeSet<>();
        properties.fieldNames().forEachRemaining(name -> fields.add(name.toUpperCase(Locale.ROOT)));
        return fields;
    }

    static List<String> notInContract(List<String> columns, String schema) throws IOException {
        Set<String> fields = contractFields(schema);
        return columns.stream().filter(column -> !fields.contains(column)).toList();
    }

    @Test
    void headerColumnsAreFieldsOfSalesOrderHeaderV2() throws IOException {
        assertThat(notInContract(SalesOrderFields.HEADER, "SalesOrderHeaderV2")).isEmpty();
    }

    @Test
    void lineColumnsAreFieldsOfSalesOrderLine() throws IOException {
        assertThat(notInContract(SalesOrderFields.LINE, "SalesOrderLine")).isEmpty();
    }

    @Test
    void theCheckFindsColumnsTheContractDoesNotHave() throws IOException {
        assertThat(notInContract(List.of("ITEMNUMBER", "ITEMNUMBERR", "EMAIL"), "SalesOrderLine"))
                .containsExactly("ITEMNUMBERR", "EMAIL");
        assertThat(notInContract(List.of("DELIVERYADDRESSCOUNTRYREGION"), "SalesOrderHeaderV2"))
                .containsExactly("DELIVERYADDRESSCOUNTRYREGION");
    }

    @Test
    void packageEntitiesWriteExactlyTheseColumns() {
        assertThat(SalesOrderPackage.HEADERS.fields()).isEqualTo(SalesOrderFields.HEADER);
        assertThat(SalesOrderPackage.LINES.fields()).isEqualTo(SalesOrderFields.LINE);
    }
}
