package io.github.d365bridge.client.d365.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ODataQueryTest {

    @Test
    void companyScopeAddsCrossCompanyAndAndsTheDataAreaFilter() {
        String query = ODataQuery.all().company("usmf").filter("CustomerGroupId eq 'RET' or CustomerGroupId eq 'WHS'")
                .select("CustomerAccount", "OrganizationName").orderBy("CustomerAccount desc").top(50).withCount()
                .toString();
        assertThat(query).isEqualTo("cross-company=true"
                + "&$filter=dataAreaId%20eq%20%27usmf%27%20and%20%28CustomerGroupId%20eq%20%27RET%27%20or%20CustomerGroupId%20eq%20%27WHS%27%29"
                + "&$select=CustomerAccount%2COrganizationName&$orderby=CustomerAccount%20desc&$top=50&$count=true");
    }

    @Test
    void withoutOptionsNothingIsSentAndPagingOverridesTopAndSkip() {
        assertThat(ODataQuery.all().toString()).isEmpty();
        assertThat(ODataQuery.all().top(5).skip(10).toQueryString(2, 12)).isEqualTo("$top=2&$skip=12");
    }

    @Test
    void literalsQuoteEscapeAndNeverTrim() {
        assertThat(ODataLiteral.string(" RFI-TEST-001")).isEqualTo("' RFI-TEST-001'");
        assertThat(ODataLiteral.string("O'Brien's")).isEqualTo("'O''Brien''s'");
        assertThat(ODataLiteral.enumValue("NoYes", "Yes")).isEqualTo("Microsoft.Dynamics.DataEntities.NoYes'Yes'");
        assertThat(ODataLiteral.dateTime(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void keysQuoteStringsKeepNumbersBareAndEncodeThePath() {
        assertThat(ODataKey.of("dataAreaId", "usmf", "CustomerAccount", "US-001").toPathSegment())
                .isEqualTo("(dataAreaId='usmf',CustomerAccount='US-001')");
        assertThat(ODataKey.of("dataAreaId", "usmf", "RecordId", 5637144576L).toPathSegment())
                .isEqualTo("(dataAreaId='usmf',RecordId=5637144576)");
        assertThat(ODataKey.of("dataAreaId", "usmf", "ItemNumber", " O'Neil/1 #2").toPathSegment())
                .isEqualTo("(dataAreaId='usmf',ItemNumber='%20O''Neil%2F1%20%232')");
        assertThatThrownBy(() -> ODataKey.of("dataAreaId")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ODataKey.of("k", new Object())).hasMessageContaining("String or a Number");
    }
}
