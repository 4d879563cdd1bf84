package io.github.d365bridge.sandbox.d365;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.d365bridge.sandbox.SandboxTls;

/**
 * Everything a {@link D365Sandbox} can be told. Build with {@link #builder()}; every option has a
 * default that gives a working sandbox except the storage connection string, without which the DMF
 * actions answer 500.
 */
public record D365SandboxOptions(
        int port,
        String tenantId,
        List<ClientRegistration> clients,
        Duration tokenLifetime,
        String defaultCompany,
        List<String> legalEntities,
        String storageConnectionString,
        String dmfContainer,
        Duration sasLifetime,
        Duration dmfFixedLatency,
        Duration dmfPerRowLatency,
        int pageSize,
        SeedSizes seedSizes,
        long seed,
        Map<String, List<String>> dataProjects,
        URI businessEventUrl,
        Duration autoInvoiceDelay,
        Duration eventRetryDelay,
        int eventRetries,
        String controlKey,
        SandboxTls tls) {

    /** D365's own hard page limit. */
    public static final int MAX_PAGE_SIZE = 10_000;

    public D365SandboxOptions {
        Objects.requireNonNull(tenantId, "tenantId");
        clients = List.copyOf(clients);
        legalEntities = List.copyOf(legalEntities);
        dataProjects = Map.copyOf(dataProjects);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (!legalEntities.contains(defaultCompany)) {
            throw new IllegalArgumentException("defaultCompany '" + defaultCompany + "' is not among " + legalEntities);
        }
        if (eventRetries < 0) {
            throw new IllegalArgumentException("eventRetries must not be negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClientRegistration client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }

    /** Mutable builder with the defaults of a small, fast sandbox. */
    public static final class Builder {
        private int port;
        private String tenantId = "00000000-0000-0000-0000-0000000d3650";
        private final List<ClientRegistration> clients = new ArrayList<>();
        private Duration tokenLifetime = Duration.ofMinutes(60);
        private String defaultCompany = "usmf";
        private List<String> legalEntities = List.of("usmf", "demf", "gbsi");
        private String storageConnectionString;
        private String dmfContainer = "dmf";
        private Duration sasLifetime = Duration.ofMinutes(35);
        private Duration dmfFixedLatency = Duration.ofMillis(300);
        private Duration dmfPerRowLatency = Duration.ofMillis(2);
        private int pageSize = MAX_PAGE_SIZE;
        private SeedSizes seedSizes = SeedSizes.DEFAULT;
        private long seed = 365L;
        private final Map<String, List<String>> dataProjects = new LinkedHashMap<>(Map.of(
                "SalesOrderImport", List.of("Sales order headers V2", "Sales order lines V3"),
                "OnHandExport", List.of("Warehouses on-hand V2"),
                "CustomerExport", List.of("Customers V3"),
                "ReleasedProductExport", List.of("Released products V2")));
        private URI businessEventUrl;
        private Duration autoInvoiceDelay;
        private Duration eventRetryDelay = Duration.ofSeconds(1);
        private int eventRetries = 3;
        private String controlKey = "sandbox-control-key";
        private SandboxTls tls;

        private Builder() {
        }

        public Builder port(int value) { port = value; return this; }
        public Builder tenantId(String value) { tenantId = value; return this; }
        public Builder client(ClientRegistration value) { clients.add(value); return this; }
        public Builder tokenLifetime(Duration value) { tokenLifetime = value; return this; }
        public Builder defaultCompany(String value) { defaultCompany = value; return this; }
        public Builder legalEntities(List<String> value) { legalEntities = value; return this; }
        public Builder storageConnectionString(String value) { storageConnectionString = value; return this; }
        public Builder dmfContainer(String value) { dmfContainer = value; return this; }
        public Builder sasLifetime(Duration value) { sasLifetime = value; return this; }
        public Builder dmfLatency(Duration fixed, Duration perRow) { dmfFixedLatency = fixed; dmfPerRowLatency = perRow; return this; }
        public Builder pageSize(int value) { pageSize = value; return this; }
        public Builder seedSizes(SeedSizes value) { seedSizes = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        /** Adds or replaces a data project (definition group) and the entity labels it holds. */
        public Builder dataProject(String name, List<String> entityLabels) { dataProjects.put(name, List.copyOf(entityLabels)); return this; }
        public Builder businessEventUrl(URI value) { businessEventUrl = value; return this; }
        /** Invoice every new order automatically after this delay; null (default) invoices only on request. */
        public Builder autoInvoiceDelay(Duration value) { autoInvoiceDelay = value; return this; }
        public Builder eventRetries(int retries, Duration delay) { eventRetries = retries; eventRetryDelay = delay; return this; }
        public Builder controlKey(String value) { controlKey = value; return this; }
        /** Serve HTTPS with this certificate (msal4j accepts only https authorities); null (default) serves http. */
        public Builder tls(SandboxTls value) { tls = value; return this; }

        public D365SandboxOptions build() {
            return new D365SandboxOptions(port, tenantId, clients, tokenLifetime, defaultCompany, legalEntities,
                    storageConnectionString, dmfContainer, sasLifetime, dmfFixedLatency, dmfPerRowLatency, pageSize,
                    seedSizes, seed, dataProjects, businessEventUrl, autoInvoiceDelay, eventRetryDelay, eventRetries,
                    controlKey, tls);
        }
    }
}
