package io.github.d365bridge.flow.orders.mapping;

import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;

/**
 * The two entities of a sales order import package and how a batch of {@link MappedOrder}s goes into
 * them. Headers sit at level 1 and lines at level 2 of the same execution unit, because D365 imports
 * lower levels first and a line needs its header. The data project (definition group) must exist in
 * D365 with these two entities.
 */
public final class SalesOrderPackage {

    public static final String HEADERS_LABEL = "Sales order headers V2";
    public static final String LINES_LABEL = "Sales order lines V3";

    /**
     * {@code TargetEntity} holds the AOT entity name. D365's own exports write it like this; whether an
     * import also accepts the public collection name ({@code SalesOrderHeadersV2}) is unconfirmed, so the
     * AOT form is used.
     */
    public static final PackageEntity HEADERS = new PackageEntity(HEADERS_LABEL, "SalesOrderHeaderV2Entity",
            SalesOrderFields.HEADER, 1, 1, 1, true, false);
    public static final PackageEntity LINES = new PackageEntity(LINES_LABEL, "SalesOrderLineV3Entity",
            SalesOrderFields.LINE, 1, 2, 1, true, false);

    private SalesOrderPackage() {
    }

    public static PackageDefinition definition(String definitionGroupName, String description) {
        return PackageDefinition.of(definitionGroupName, description, HEADERS, LINES);
    }

    /**
     * Writes the orders (all of one legal entity, each once) as a complete package; the stream stays
     * open. Refuses a mixed or repeated batch before writing anything, because D365 imports a package
     * into one legal entity and a repeated placeholder would join two orders' lines.
     */
    public static void write(OutputStream out, PackageDefinition definition, List<MappedOrder> orders) {
        check(orders);
        try (DataPackageWriter writer = new DataPackageWriter(out, definition)) {
            writer.writeEntity(HEADERS_LABEL, orders.stream().map(MappedOrder::headerValues));
            writer.writeEntity(LINES_LABEL, orders.stream().flatMap(order -> order.lineValues().stream()));
        }
    }

    private static void check(List<MappedOrder> orders) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a sales order package needs at least one order");
        }
        String legalEntity = orders.get(0).legalEntity();
        Set<String> numbers = new HashSet<>();
        for (MappedOrder order : orders) {
            if (!order.legalEntity().equals(legalEntity)) {
                throw new IllegalArgumentException("order " + order.orderKey() + " is for legal entity "
                        + order.legalEntity() + ", the package for " + legalEntity);
            }
            if (!numbers.add(order.packageOrderNumber())) {
                throw new IllegalArgumentException("order " + order.orderKey() + " appears twice in the package"
                        + " (placeholder " + order.packageOrderNumber() + ")");
            }
        }
    }
}
