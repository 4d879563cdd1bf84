package io.github.d365bridge.flow.orders.mapping;

import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderKey;

/** Each fixture, mapped with the default profile, gives exactly these rows. */
class OrderMapperFixturesTest {

    private final OrderMapper mapper = new OrderMapper(OrderFixtures.defaultProfile());

    private static Map<String, String> header(String number, String reference, String account, String currency,
            String language, String deliveryMode, String payment, String requisition, String warehouse, String email,
            String name, String street, String city, String zip, String state, String country, String iso) {
        return row("SALESORDERNUMBER", number, "CUSTOMERSORDERREFERENCE", reference,
                "ORDERINGCUSTOMERACCOUNTNUMBER", account, "INVOICECUSTOMERACCOUNTNUMBER", account,
                "CURRENCYCODE", currency, "LANGUAGEID", language, "REQUESTEDSHIPPINGDATE", "2026-03-14",
                "DELIVERYMODECODE", deliveryMode, "CUSTOMERPAYMENTMETHODNAME", payment,
                "CUSTOMERREQUISITIONNUMBER", requisition, "DEFAULTSHIPPINGWAREHOUSEID", warehouse,
                "DEFAULTSHIPPINGSITEID", "1", "EMAIL", email, "SALESORDERNAME", name, "DELIVERYADDRESSNAME", name,
                "DELIVERYADDRESSSTREET", street, "DELIVERYADDRESSCITY", city, "DELIVERYADDRESSZIPCODE", zip,
                "DELIVERYADDRESSSTATEID", state, "DELIVERYADDRESSCOUNTRYREGIONID", country,
                "DELIVERYADDRESSCOUNTRYREGIONISOCODE", iso, "ISDELIVERYADDRESSORDERSPECIFIC", "Yes");
    }

    static Map<String, String> line(String number, String lineNumber, String item, String qty, String price,
            String discount, String customerLine, String description) {
        return row("SALESORDERNUMBER", number, "LINENUMBER", lineNumber, "ITEMNUMBER", item,
                "ORDEREDSALESQUANTITY", qty, "SALESPRICE", price, "LINEDISCOUNTAMOUNT", discount,
                "SALESUNITSYMBOL", "ea", "SHIPPINGWAREHOUSEID", "11", "SHIPPINGSITEID", "1",
                "CUSTOMERSLINENUMBER", customerLine, "LINEDESCRIPTION", description, "PRODUCTCOLORID", "",
                "PRODUCTSIZEID", "", "PRODUCTSTYLEID", "", "PRODUCTCONFIGURATIONID", "", "PRODUCTVERSIONID", "");
    }

    @Test
    void guestOrderGoesToTheGuestAccountWithItsOwnAddress() {
        OrderKey key = new OrderKey("default", "000000101");
        var order = OrderFixtures.order(OrderFixtures.GUEST);
        assertThat(mapper.customerReference(order, key)).isEmpty();

        MappedOrder mapped = mapper.map(order, key, Optional.empty());

        String n = "CO-B6FCBBED0C6B";
        assertThat(mapped.legalEntity()).isEqualTo("usmf");
        assertThat(mapped.header()).containsExactlyEntriesOf(header(n, "default:000000101", "US-027", "USD", "en-us",
                "10", "CHECK", "", "11", "guest.lena.ortiz4821@example.org", "Lena Ortiz", "17 Market Street\nSuite 4",
                "Austin", "78741", "TX", "USA", "US"));
        assertThat(mapped.lines()).containsExactly(
                line(n, "1", "SB-SIMPLE-0003", "2", "12.5", "0", "201", "Trail Bottle"),
                line(n, "2", "SB-SIMPLE-0007", "1", "8", "0", "202", "Camp Mug"),
                line(n, "3", "FREIGHT", "1", "15", "0", "", "Shipping"));
    }

    @Test
    void registeredCustomerOrderUsesTheResolvedAccount() {
        OrderKey key = new OrderKey("default", "000000102");
        var order = OrderFixtures.order(OrderFixtures.REGISTERED);
        assertThat(mapper.customerReference(order, key))
                .contains(new CustomerReference("usmf", CustomerReference.Kind.CUSTOMER, 42));

        MappedOrder mapped = mapper.map(order, key, Optional.of("US-001"));

        String n = "CO-F6DB4636D33A";
        assertThat(mapped.header()).containsExactlyEntriesOf(header(n, "default:000000102", "US-001", "USD", "en-us",
                "20", "CARD", "", "11", "ana.silva@example.com", "Ana Silva", "400 Congress Ave", "Houston", "77002",
                "TX", "USA", "US"));
        assertThat(mapped.lines()).containsExactly(
                line(n, "1", "SB-SIMPLE-0012", "1", "49.99", "0", "203", "Summit Backpack"),
                line(n, "2", "FREIGHT", "1", "5", "0", "", "Shipping"));
    }

    @Test
    void companyOrderIsBookedOnTheCompanyAccountWithItsPurchaseOrderNumber() {
        OrderKey key = new OrderKey("default", "000000103");
        var order = OrderFixtures.order(OrderFixtures.COMPANY);
        assertThat(mapper.customerReference(order, key))
                .contains(new CustomerReference("usmf", CustomerReference.Kind.COMPANY, 7));

        MappedOrder mapped = mapper.map(order, key, Optional.of("US-010"));

        String n = "CO-CB57358DA864";
        assertThat(mapped.header()).containsExactlyEntriesOf(header(n, "default:000000103", "US-010", "USD", "en-us",
                "10", "INVOICE", "PO-48213", "11", "buyer@northwind-trading.example", "Marcus Hale", "1 Harbor Way",
                "Dallas", "75201", "TX", "USA", "US"));
        // free shipping: no charge line
        assertThat(mapped.lines()).containsExactly(
                line(n, "1", "SB-SIMPLE-0020", "10", "4.25", "0", "204", "Carabiner 5-pack"));
    }

    @Test
    void configurableParentAndChildCollapseIntoOneLineWithTheDiscountSpread() {
        OrderKey key = new OrderKey("default", "000000104");

        MappedOrder mapped = mapper.map(OrderFixtures.order(OrderFixtures.CONFIGURABLE), key, Optional.of("US-005"));

        String n = "CO-E421FDCAA292";
        assertThat(mapped.header()).containsEntry("ORDERINGCUSTOMERACCOUNTNUMBER", "US-005")
                .containsEntry("DELIVERYMODECODE", "10").containsEntry("CUSTOMERPAYMENTMETHODNAME", "CHECK");
        assertThat(mapped.lines()).containsExactly(
                line(n, "1", "SB-CONF-0002-M", "2", "40", "8", "205", "Trail Hoodie-M"),
                line(n, "2", "SB-SIMPLE-0003", "1", "12.5", "1.25", "207", "Trail Bottle"),
                line(n, "3", "FREIGHT", "1", "15", "0", "", "Shipping"));
    }

    /**
     * A variant the catalog flow published ({@code master~colour~size}) comes back as its master's item with the
     * dimensions on the line, read from the SKU alone; the rule's escapes decode ({@code %7E} is a tilde of the
     * item number itself).
     */
    @Test
    void aVariantSkuBecomesItsMastersItemWithTheDimensionsOnTheLine() {
        OrderKey key = new OrderKey("default", "000000104");
        ObjectNode tree = OrderFixtures.tree(OrderFixtures.CONFIGURABLE);
        tree.get("items").forEach(item -> {
            if (item.path("sku").asText().equals("SB-CONF-0002-M")) {
                ((ObjectNode) item).put("sku", "SB-CONF%7E0002~Dark Red~M~~Fast");
            }
        });

        MappedOrder mapped = mapper.map(OrderFixtures.order(tree), key, Optional.of("US-005"));

        assertThat(mapped.lines().get(0)).containsEntry("ITEMNUMBER", "SB-CONF~0002")
                .containsEntry("PRODUCTCOLORID", "Dark Red").containsEntry("PRODUCTSIZEID", "M")
                .containsEntry("PRODUCTSTYLEID", "").containsEntry("PRODUCTCONFIGURATIONID", "Fast")
                .containsEntry("PRODUCTVERSIONID", "").containsEntry("ORDEREDSALESQUANTITY", "2");
        assertThat(mapped.lines().get(1)).containsEntry("ITEMNUMBER", "SB-SIMPLE-0003").containsEntry("PRODUCTCOLORID", "");
    }

    @Test
    void aSkuWithMoreDimensionsThanD365HasFailsTheOrderNamingTheLine() {
        OrderKey key = new OrderKey("default", "000000104");
        ObjectNode tree = OrderFixtures.tree(OrderFixtures.CONFIGURABLE);
        tree.get("items").forEach(item -> {
            if (item.path("sku").asText().equals("SB-CONF-0002-M")) {
                ((ObjectNode) item).put("sku", "A~1~2~3~4~5~6");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.map(OrderFixtures.order(tree), key,
                Optional.of("US-005"))).hasMessageContaining(".sku").hasMessageContaining("at most 5 dimension values");
    }

    @Test
    void euStoreOrderGoesToItsLegalEntityLanguageAndCurrency() {
        OrderKey key = new OrderKey("eu_en", "2000000031");
        var order = OrderFixtures.order(OrderFixtures.EU_STORE);
        assertThat(mapper.customerReference(order, key))
                .contains(new CustomerReference("demf", CustomerReference.Kind.CUSTOMER, 88));

        MappedOrder mapped = mapper.map(order, key, Optional.of("DE-014"));

        String n = "CO-313FDC4F69C2";
        assertThat(mapped.legalEntity()).isEqualTo("demf");
        assertThat(mapped.header()).containsExactlyEntriesOf(header(n, "eu_en:2000000031", "DE-014", "EUR", "en-gb",
                "20", "ELECTRONIC", "", "11", "j.gross@example.de", "Jürgen Groß", "Friedrichstraße 12\nHinterhaus",
                "Berlin", "10117", "BER", "DEU", "DE"));
        assertThat(mapped.lines()).containsExactly(
                line(n, "1", "SB-SIMPLE-0005", "3", "9.9", "0", "208", "Trail Socks"),
                line(n, "2", "FREIGHT", "1", "15", "0", "", "Shipping"));
    }

    @Test
    void mappingTheSameOrderTwiceGivesTheSameRows() {
        OrderKey key = new OrderKey("default", "000000104");
        var order = OrderFixtures.order(OrderFixtures.CONFIGURABLE);

        assertThat(mapper.map(order, key, Optional.of("US-005"))).isEqualTo(mapper.map(order, key, Optional.of("US-005")));
    }
}
