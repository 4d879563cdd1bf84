package io.github.d365bridge.flow.orders.mapping;

import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.order;
import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.ManifestEntity;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;
import io.github.d365bridge.flow.orders.OrderKey;

/** Mapped orders go into a real data package and come back unchanged, hostile text included. */
class SalesOrderPackageTest {

    private final OrderMapper mapper = new OrderMapper(OrderFixtures.profile("items: {table: {SB-SIMPLE-0007: \" RFI-TEST-001\"}}"));

    private record Input(Order order, OrderKey key, Optional<String> account) {
    }

    private static List<Input> usmfOrders() {
        return List.of(
                new Input(order(OrderFixtures.GUEST), new OrderKey("default", "000000101"), Optional.empty()),
                new Input(order(OrderFixtures.REGISTERED), new OrderKey("default", "000000102"), Optional.of("US-001")),
                new Input(order(OrderFixtures.COMPANY), new OrderKey("default", "000000103"), Optional.of("US-010")),
                new Input(order(OrderFixtures.CONFIGURABLE), new OrderKey("default", "000000104"), Optional.of("US-005")),
                new Input(hostileOrder(), new OrderKey("default", "000000199"), Optional.empty()));
    }

    /** The guest order with text that breaks naive CSV writers and spreadsheet imports. */
    static Order hostileOrder() {
        ObjectNode json = tree(OrderFixtures.GUEST);
        json.put("customer_firstname", "Zoë \"Zee\"").put("customer_lastname", "O'Brien, Jr.")
                .put("customer_email", "=HYPERLINK(\"http://x\")@example.org");
        ObjectNode address = (ObjectNode) json.at("/extension_attributes/shipping_assignments/0/shipping/address");
        address.put("firstname", "Zoë \"Zee\"").put("lastname", "O'Brien, Jr.").put("city", "  Saint-Étienne  ")
                .put("postcode", "007");
        address.putArray("street").add("1, \"Rue\" de l'Église").add("Bâtiment B;\r\nÉtage 3").add("東京都千代田区 1-1");
        ((ObjectNode) json.get("items").get(0)).put("name", "Поход, \"Бутылка\"\n2 л 🚀");
        return order(json);
    }

    private static byte[] write(List<MappedOrder> orders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesOrderPackage.write(out, SalesOrderPackage.definition("SalesOrderImport", "Commerce orders"), orders);
        return out.toByteArray();
    }

    @Test
    void hostileTextPassesThroughTheMapperUnchanged() {
        MappedOrder mapped = mapper.map(hostileOrder(), new OrderKey("default", "000000199"), Optional.empty());

        assertThat(mapped.header()).containsEntry("SALESORDERNAME", "Zoë \"Zee\" O'Brien, Jr.")
                .containsEntry("DELIVERYADDRESSNAME", "Zoë \"Zee\" O'Brien, Jr.")
                .containsEntry("EMAIL", "=HYPERLINK(\"http://x\")@example.org")
                .containsEntry("DELIVERYADDRESSSTREET", "1, \"Rue\" de l'Église\nBâtiment B;\r\nÉtage 3\n東京都千代田区 1-1")
                .containsEntry("DELIVERYADDRESSCITY", "  Saint-Étienne  ")
                .containsEntry("DELIVERYADDRESSZIPCODE", "007");
        assertThat(mapped.lines().get(0)).containsEntry("LINEDESCRIPTION", "Поход, \"Бутылка\"\n2 л 🚀");
        assertThat(mapped.lines().get(1)).containsEntry("ITEMNUMBER", " RFI-TEST-001");
    }

    @Test
    void aBatchIsWrittenAsHeadersThenLinesAndReadsBackUnchanged() {
        List<MappedOrder> orders = usmfOrders().stream().map(i -> mapper.map(i.order(), i.key(), i.account())).toList();

        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(write(orders)), "orders.zip")) {
            ManifestEntity headers = reader.manifest().entity("Sales order headers V2").orElseThrow();
            ManifestEntity lines = reader.manifest().entity("Sales order lines V3").orElseThrow();
            assertThat(headers.level()).isLessThan(lines.level());
            assertThat(headers.executionUnit()).isEqualTo(lines.executionUnit());
            assertThat(headers.fields()).isEqualTo(SalesOrderFields.HEADER);
            assertThat(lines.fields()).isEqualTo(SalesOrderFields.LINE);
            assertThat(rows(reader, "Sales order headers V2")).isEqualTo(orders.stream().map(MappedOrder::header).toList());
            assertThat(rows(reader, "Sales order lines V3"))
                    .isEqualTo(orders.stream().flatMap(o -> o.lines().stream()).toList());
        }
    }

    @Test
    void oneUnmappableOrderDoesNotStopTheOthers() {
        List<Input> inputs = new ArrayList<>(usmfOrders());
        inputs.add(2, new Input(order(OrderFixtures.EU_STORE), new OrderKey("default", "2000000031"), Optional.of("X")));
        List<MappedOrder> mapped = new ArrayList<>();
        List<OrderMappingException> failed = new ArrayList<>();
        for (Input input : inputs) {
            try {
                mapped.add(mapper.map(input.order(), input.key(), input.account()));
            } catch (OrderMappingException e) {
                failed.add(e);
            }
        }

        assertThat(failed).extracting(OrderMappingException::orderKey).containsExactly(new OrderKey("default", "2000000031"));
        assertThat(mapped).hasSize(5);
        assertThat(write(mapped)).isNotEmpty();
    }

    @Test
    void refusesABatchMixingLegalEntitiesOrRepeatingAnOrder() {
        MappedOrder us = mapper.map(order(OrderFixtures.GUEST), new OrderKey("default", "000000101"), Optional.empty());
        MappedOrder eu = mapper.map(order(OrderFixtures.EU_STORE), new OrderKey("eu_en", "2000000031"), Optional.of("DE-014"));

        assertThatThrownBy(() -> write(List.of(us, eu))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order eu_en:2000000031 is for legal entity demf, the package for usmf");
        assertThatThrownBy(() -> write(List.of(us, us))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order default:000000101 appears twice in the package");
        assertThatThrownBy(() -> write(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mappedRowsRefuseColumnsThePackageWouldDrop() {
        assertThatThrownBy(() -> new MappedOrder(new OrderKey("default", "1"), "usmf", Map.of("SALESORDERNUMBR", "x"),
                List.of(Map.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SALESORDERNUMBR");
    }

    private static List<Map<String, String>> rows(DataPackageReader reader, String label) {
        try (RowIterator rows = reader.rows(label)) {
            return rows.stream().map(PackageRow::values).toList();
        }
    }
}
