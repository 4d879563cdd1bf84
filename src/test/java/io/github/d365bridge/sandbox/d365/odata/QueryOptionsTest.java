package io.github.d365bridge.sandbox.d365.odata;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** $select, $orderby, $top, $skip, $count and the cross-company rule. */
class QueryOptionsTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .client(ClientRegistration.listed("de-client", "de-secret").withDefaultCompany("demf")).build());
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<String> column(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        body.get("value").forEach(r -> values.add(r.get(field).asText()));
        return values;
    }

    @Test
    void orderByManyKeysBothDirections() {
        JsonNode body = json(http.get("/data/CustomersV3?$select=CustomerGroupId,CustomerAccount"
                + "&$orderby=CustomerGroupId desc,CustomerAccount asc").body());
        List<String> groups = column(body, "CustomerGroupId");
        assertThat(groups).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<String> firstGroup = new ArrayList<>();
        body.get("value").forEach(r -> {
            if (r.get("CustomerGroupId").asText().equals(groups.get(0))) {
                firstGroup.add(r.get("CustomerAccount").asText());
            }
        });
        assertThat(firstGroup).isSorted();
        JsonNode prices = json(http.get("/data/ReleasedProductsV2?$select=ItemNumber,SalesPrice&$orderby=SalesPrice desc&$top=5").body());
        List<Double> values = new ArrayList<>();
        prices.get("value").forEach(r -> values.add(r.get("SalesPrice").asDouble()));
        assertThat(values).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(http.get("/data/CustomersV3?$orderby=CustomerAccount sideways").statusCode()).isEqualTo(400);
        assertThat(http.get("/data/CustomersV3?$orderby=Nope").statusCode()).isEqualTo(400);
    }

    @Test
    void topSkipAndCount() {
        JsonNode body = json(http.get("/data/CustomersV3?$select=CustomerAccount&$skip=10&$top=3&$count=true").body());
        assertThat(column(body, "CustomerAccount")).containsExactly("US-000011", "US-000012", "US-000013");
        assertThat(body.get("@odata.count").asLong()).isEqualTo(50);
        assertThat(http.get("/data/CustomersV3?$top=-1").statusCode()).isEqualTo(400);
        assertThat(http.get("/data/CustomersV3?$count=yes").statusCode()).isEqualTo(400);
        assertThat(http.get("/data/CustomersV3?$search=x").statusCode()).isEqualTo(400);
        assertThat(http.get("/data/CustomersV3?$expand=Nav").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutCrossCompanyOnlyTheDefaultCompanyIsVisible() {
        JsonNode defaultOnly = json(http.get("/data/CustomersV3?$select=dataAreaId&$count=true&$top=0").body());
        assertThat(defaultOnly.get("@odata.count").asLong()).isEqualTo(50);
        JsonNode all = json(http.get("/data/CustomersV3?cross-company=true&$select=dataAreaId&$count=true").body());
        assertThat(all.get("@odata.count").asLong()).isEqualTo(150);
        JsonNode demf = json(http.get("/data/CustomersV3?cross-company=true&$filter=dataAreaId eq 'demf'&$select=CustomerAccount").body());
        assertThat(column(demf, "CustomerAccount")).hasSize(50).allMatch(a -> a.startsWith("DE-"));
        JsonNode otherCompanyFilter = json(http.get("/data/CustomersV3?$filter=dataAreaId eq 'demf'").body());
        assertThat(otherCompanyFilter.get("value")).as("filter alone does not cross companies").isEmpty();
        assertThat(http.get("/data/CustomersV3(dataAreaId='demf',CustomerAccount='DE-000001')").statusCode()).isEqualTo(404);
        assertThat(http.get("/data/CustomersV3(dataAreaId='demf',CustomerAccount='DE-000001')?cross-company=true")
                .statusCode()).isEqualTo(200);
        String deToken = http.tokenFor("de-client", "de-secret");
        JsonNode asDe = json(http.send(java.net.http.HttpRequest.newBuilder(http.url("/data/CustomersV3?$top=1"))
                .header("Authorization", "Bearer " + deToken).GET()).body());
        assertThat(asDe.get("value").get(0).get("dataAreaId").asText()).isEqualTo("demf");
        JsonNode products = json(http.get("/data/ProductsV2?$count=true&$top=0").body());
        assertThat(products.get("@odata.count").asLong()).as("shared products have no company").isEqualTo(100);
    }
}
