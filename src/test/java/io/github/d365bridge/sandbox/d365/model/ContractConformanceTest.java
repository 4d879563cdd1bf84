package io.github.d365bridge.sandbox.d365.model;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/**
 * Every set the sandbox serves matches the contract generated from a real tenant (or, for sets the
 * contract lacks, the API notes): keys, property names, types, enum members — in the catalog and in
 * the JSON actually sent. The second test proves the checker fails on wrong schemas.
 */
class ContractConformanceTest {

    private static ContractChecker checker;

    @BeforeAll
    static void load() {
        checker = new ContractChecker();
    }

    @Test
    void everyServedSetConformsToTheContractOrTheNotes() {
        List<String> problems = new ArrayList<>();
        for (EntitySchema schema : EntityCatalog.all()) {
            problems.addAll(checker.check(schema));
        }
        assertThat(problems).isEmpty();
        assertThat(checker.set("CustomersV3")).isPresent();
        assertThat(checker.set("SalesOrderLines").orElseThrow().keys()).containsExactly("dataAreaId", "InventoryLotId");
        assertThat(checker.set("SalesOrderLinesV3")).as("V3 is only in the notes").isEmpty();
    }

    @Test
    void theCheckerFailsOnWrongSchemas() {
        EntitySchema c = EntityCatalog.CUSTOMERS;
        List<Field> withName = new ArrayList<>(c.fields());
        withName.add(Field.string("Name"));
        assertThat(checker.check(new EntitySchema(c.setName(), c.typeName(), null, c.keys(), withName)))
                .singleElement().asString().contains("CustomersV3.Name").contains("not a property");

        List<Field> wrongType = new ArrayList<>(c.fields());
        wrongType.replaceAll(f -> f.name().equals("CreditLimit") ? Field.string("CreditLimit") : f);
        assertThat(checker.check(new EntitySchema(c.setName(), c.typeName(), null, c.keys(), wrongType)))
                .singleElement().asString().contains("CreditLimit");

        assertThat(checker.check(new EntitySchema(c.setName(), c.typeName(), null,
                List.of("CustomerAccount", "dataAreaId"), c.fields()))).singleElement().asString().contains("keys");

        List<Field> badEnum = new ArrayList<>(c.fields());
        badEnum.replaceAll(f -> f.name().equals("OnHoldStatus")
                ? Field.enumField("OnHoldStatus", new EnumType("CustVendorBlocked", List.of("No", "Maybe"))) : f);
        assertThat(checker.check(new EntitySchema(c.setName(), c.typeName(), null, c.keys(), badEnum)))
                .singleElement().asString().contains("Maybe");

        EntitySchema lines = EntityCatalog.SALES_ORDER_LINES;
        assertThat(checker.check(new EntitySchema(lines.setName(), lines.typeName(), null,
                List.of("dataAreaId", "SalesOrderNumber", "LineNumber"), lines.fields())))
                .as("V3 is keyed by InventoryLotId, not order and line number").isNotEmpty();

        EntitySchema prices = EntityCatalog.PRICE_AGREEMENTS;
        List<Field> extra = new ArrayList<>(prices.fields());
        extra.add(Field.string("ItemName"));
        assertThat(checker.check(new EntitySchema(prices.setName(), prices.typeName(), null, prices.keys(), extra)))
                .singleElement().asString().contains("ItemName");

        assertThat(checker.check(new EntitySchema("InventoryOnHandV2", "X", null, List.of("A"), List.of(Field.string("A")))))
                .isNotEmpty();
    }

    @Test
    void theJsonSentFitsTheContract() {
        // masters, variants and relations are off by default: their sets may be empty there, not with them on
        jsonFitsTheContract(SeedSizes.DEFAULT, Set.of("ReleasedProductVariantsV2", "ProductRelations"));
        jsonFitsTheContract(SeedSizes.DEFAULT_WITH_VARIANTS, Set.of());
    }

    private static void jsonFitsTheContract(SeedSizes sizes, Set<String> mayBeEmpty) {
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options().seedSizes(sizes).build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String order = json(http.post("/data/SalesOrderHeadersV2", "{\"OrderingCustomerAccountNumber\":\"US-000003\"}")
                    .body()).get("SalesOrderNumber").asText();
            assertThat(http.post("/data/SalesOrderLinesV3", "{\"SalesOrderNumber\":\"" + order
                    + "\",\"ItemNumber\":\"P000001\",\"OrderedSalesQuantity\":1}").statusCode()).isEqualTo(201);
            sandbox.invoice("usmf", order);
            List<String> problems = new ArrayList<>();
            for (EntitySchema schema : EntityCatalog.all()) {
                HttpResponse<String> response = http.get("/data/" + schema.setName() + "?cross-company=true&$top=5");
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode rows = json(response.body()).get("value");
                if (!mayBeEmpty.contains(schema.setName())) {
                    assertThat(rows).as(schema.setName()).isNotEmpty();
                }
                rows.forEach(row -> problems.addAll(rowProblems(schema, row)));
            }
            assertThat(problems).isEmpty();
        }
    }

    private static List<String> rowProblems(EntitySchema schema, JsonNode row) {
        Optional<ContractChecker.ContractSet> contract = checker.set(schema.setName())
                .or(() -> Optional.ofNullable(NotesContract.SETS.get(schema.setName()))
                        .map(NotesContract.NotesSet::typedLike).flatMap(checker::set));
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> cell = it.next();
            String name = cell.getKey();
            if (name.equals("@odata.etag")) {
                continue;
            }
            if (contract.isPresent()) {
                JsonNode property = contract.get().properties().path(name);
                if (property.isMissingNode()) {
                    problems.add(schema.setName() + " sent " + name + ", which the contract does not have");
                } else {
                    ContractChecker.valueProblem(property, cell.getValue(), contract.get().document())
                            .ifPresent(p -> problems.add(schema.setName() + "." + name + ": " + p));
                }
            } else if (!NotesContract.SETS.get(schema.setName()).fields().contains(name)) {
                problems.add(schema.setName() + " sent " + name + ", which the notes do not list");
            }
        }
        return problems;
    }
}
