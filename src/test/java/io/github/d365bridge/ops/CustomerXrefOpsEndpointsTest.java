package io.github.d365bridge.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.d365bridge.flow.customers.CrossReferenceSource;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference.Kind;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The cross-reference's operator endpoints over real HTTP: key check, each refusal, and what they store. */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class CustomerXrefOpsEndpointsTest {

    @Inject
    CustomerCrossReference xref;

    private String key;
    private long id;

    @BeforeEach
    void setUp() throws Exception {
        key = Files.readString(Path.of("target/test-ops-key")).trim();
        id = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    }

    private RequestSpecification ops() {
        return given().header(OpsKeyFilter.HEADER, key);
    }

    @Test
    void anOperatorLinksListsOverwritesAndUnlinksACustomer() {
        String path = "/ops/customer-xref/usmf/customer/" + id;
        ops().contentType(ContentType.JSON).body("{\"customerAccount\":\"US-001\"}").put(path).then().statusCode(200)
                .body("legalEntity", equalTo("usmf")).body("kind", equalTo("customer"))
                .body("commerceId", equalTo((int) id)).body("customerAccount", equalTo("US-001"))
                .body("source", equalTo("operator"));
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, id))).get()
                .satisfies(e -> assertThat(e.source()).isEqualTo(CrossReferenceSource.OPERATOR));

        ops().get(path).then().statusCode(200).body("customerAccount", equalTo("US-001"));
        ops().get("/ops/customer-xref/usmf?limit=1000").then().statusCode(200)
                .body("commerceId", hasItem((int) id)).body("customerAccount", hasItem("US-001"));

        ops().contentType(ContentType.JSON).body("{\"customerAccount\":\"US-002\"}").put(path).then().statusCode(200);
        assertThat(xref.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, id))).contains("US-002");

        ops().delete(path).then().statusCode(200).body("deleted", equalTo("usmf:customer:" + id));
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, id))).isEmpty();
        ops().delete(path).then().statusCode(404);
        ops().get(path).then().statusCode(404);
    }

    @Test
    void theListBelongsToOneLegalEntityAndHonoursTheLimit() {
        for (int i = 0; i < 3; i++) {
            xref.put(new CustomerReference("demf", Kind.COMPANY, id + i), "DE-C0" + i, CrossReferenceSource.SYNC);
        }
        ops().get("/ops/customer-xref/demf?limit=2").then().statusCode(200).body("$", hasSize(2));
        ops().get("/ops/customer-xref/demf?limit=1000").then().statusCode(200)
                .body("source", hasItem("sync")).body("kind", hasItem("company"))
                .body("legalEntity", org.hamcrest.Matchers.everyItem(equalTo("demf")));
    }

    @Test
    void everyEndpointNeedsTheOperatorKey() {
        String path = "/ops/customer-xref/usmf/customer/" + id;
        given().get("/ops/customer-xref/usmf").then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().header(OpsKeyFilter.HEADER, "wrong-key-0123456789").contentType(ContentType.JSON)
                .body("{\"customerAccount\":\"US-001\"}").put(path).then().statusCode(401);
        given().delete(path).then().statusCode(401);
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, id))).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            xx   | customer | 42   | legalEntity: 'xx' is not one of the mapping profile's legal entities [usmf, demf]
            USMF | customer | 42   | legalEntity: 'USMF' is not one of the mapping profile's legal entities [usmf, demf]
            usmf | person   | 42   | kind: must be customer or company, got 'person'
            usmf | Customer | 42   | kind: must be customer or company, got 'Customer'
            usmf | customer | abc  | id: must be a positive integer (the Commerce customer_id or company_id), got 'abc'
            usmf | customer | 0    | id: must be a positive integer (the Commerce customer_id or company_id), got '0'
            usmf | company  | -5   | id: must be a positive integer (the Commerce customer_id or company_id), got '-5'
            """)
    void aBadPathIsRefusedNamingTheField(String legalEntity, String kind, String id, String message) {
        String path = "/ops/customer-xref/" + legalEntity + "/" + kind + "/" + id;
        ops().contentType(ContentType.JSON).body("{\"customerAccount\":\"US-001\"}").put(path).then().statusCode(400)
                .body("error", equalTo(message));
        ops().delete(path).then().statusCode(400).body("error", equalTo(message));
        ops().get(path).then().statusCode(400).body("error", equalTo(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"customerAccount":""}                      | customerAccount: is required
            {"customerAccount":"   "}                   | customerAccount: is required
            {}                                          | customerAccount: is required
            {"customerAccount":null}                    | customerAccount: is required
            {"customerAccount":"US-0000000000000000001"} | customerAccount: 'US-0000000000000000001' is longer than the 20 characters of D365's CustomerAccount
            {"customerAccount":" US-001"}               | customerAccount: ' US-001' has surrounding blanks or a control character
            {"customerAccount":42}                      | customerAccount: must be a string
            {"customerAccount":"US-001","source":"x"}   | body: unknown field 'source'; allowed: [customerAccount]
            ["US-001"]                                  | body: must be a JSON object such as {"customerAccount":"US-001"}
            {"customerAccount":                         | body: must be a JSON object such as {"customerAccount":"US-001"}
            """)
    void aBadBodyIsRefusedNamingTheField(String body, String message) {
        String path = "/ops/customer-xref/usmf/customer/" + id;
        ops().contentType(ContentType.JSON).body(body).put(path).then().statusCode(400).body("error", equalTo(message));
        assertThat(xref.find(new CustomerReference("usmf", Kind.CUSTOMER, id))).isEmpty();
    }

    @Test
    void anEmptyBodyAndBadLimitsAreRefusedNamingTheField() {
        ops().put("/ops/customer-xref/usmf/customer/" + id).then().statusCode(400)
                .body("error", equalTo("body: must be a JSON object such as {\"customerAccount\":\"US-001\"}"));
        for (String limit : new String[] {"0", "1001", "abc", "-1"}) {
            ops().get("/ops/customer-xref/usmf?limit=" + limit).then().statusCode(400)
                    .body("error", equalTo("limit: must be an integer from 1 to 1000, got '" + limit + "'"));
        }
        ops().get("/ops/customer-xref/gbsi").then().statusCode(400)
                .body("error", equalTo("legalEntity: 'gbsi' is not one of the mapping profile's legal entities [usmf, demf]"));
    }
}
