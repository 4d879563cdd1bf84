package io.github.d365bridge.sandbox.d365.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.sandbox.d365.seed.CustomerChange.Aspect;

/**
 * The read the customer sync makes, at the benchmark's size: 100,000 customers in four legal entities
 * of 25,000, each paged with {@code cross-company=true&$filter=dataAreaId eq '…'} at D365's 10,000
 * rows a page, every row with all 310 properties. The sandbox must do it with bounded memory: rows are
 * computed, pages streamed; after a 1 % change only the 1,000 changed rows are held. The client parses
 * as it reads so that the heap measured is the sandbox's. Figures go to target/d365-customer-scale.txt.
 */
class CustomerPagingScaleTest {

    private static final List<String> COMPANIES = List.of("usmf", "ussi", "demf", "gbsi");
    private static final int PER_COMPANY = 25_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private record Pass(long rows, int pages, long millis, long slowestPageMillis, long bytes) {
    }

    @Test
    void pagesOneHundredThousandFullCustomersWithBoundedHeap() throws Exception {
        long baseline = retainedHeap();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        StringBuilder report = new StringBuilder();
        try (D365Sandbox sandbox = D365Sandbox.start(SandboxHttp.options().legalEntities(COMPANIES)
                .seedSizes(new SeedSizes(PER_COMPANY, 10, 1, 1)).build())) {
            SandboxHttp http = new SandboxHttp(sandbox);
            long started = retainedHeap() - baseline;
            sampler.start();
            Pass full = pass(http, null, 310);
            Pass narrow = pass(http, "dataAreaId,CustomerAccount,PartyType,OrganizationName,PersonFirstName,PersonLastName,"
                    + "PrimaryContactEmail,PrimaryContactPhone,CustomerGroupId,DiscountPriceGroupId,SalesCurrencyCode,LanguageId,"
                    + "OnHoldStatus,CreditLimit,SalesTaxGroup,TaxExemptNumber,AddressStreet,AddressCity,AddressZipCode,"
                    + "AddressState,AddressCountryRegionId,AddressCountryRegionISOCode", 23);
            sampling.set(false);
            sampler.join();
            long afterPaging = retainedHeap() - baseline;
            long changeStart = System.nanoTime();
            int changed = sandbox.data().customerChanges()
                    .changeShare(null, 1, 11, List.of(Aspect.NAME, Aspect.EMAIL, Aspect.ADDRESS), true).size();
            long changeMillis = (System.nanoTime() - changeStart) / 1_000_000;
            long afterChange = retainedHeap() - baseline;
            Pass again = pass(http, null, 310);

            assertThat(full.rows()).isEqualTo(100_000);
            assertThat(full.pages()).isEqualTo(12); // 25,000 a company: pages of 10,000, 10,000 and 5,000
            assertThat(changed).isEqualTo(1_000);
            assertThat(sandbox.data().table("CustomersV3").storedRows()).isEqualTo(1_000);
            assertThat(again.rows()).isEqualTo(100_000);
            // 100,000 rows of 309 fields held as maps would take well over a gigabyte
            assertThat(mb(started)).as("retained after start, MB").isLessThan(32);
            assertThat(mb(afterPaging)).as("retained after paging, MB").isLessThan(32);
            assertThat(mb(afterChange - afterPaging)).as("1,000 changed rows, MB").isLessThan(16);
            // the peak in use counts garbage, which depends on the collector and on what else the JVM runs (the
            // whole suite in CI): reported below, not asserted; the retained figures above are the sandbox's own

            report.append("customers=100000 companies=4x25000 pageSize=10000\n")
                    .append(line("full rows (310 properties)", full))
                    .append(line("22 selected fields", narrow))
                    .append(line("full rows after a 1 % change", again))
                    .append("heap retained above baseline: after start ").append(mb(started)).append(" MB, after paging ")
                    .append(mb(afterPaging)).append(" MB, after changing 1,000 customers ").append(mb(afterChange))
                    .append(" MB; peak heap in use while paging (garbage included) ").append(mb(peak.get())).append(" MB\n")
                    .append("change of 1,000 customers took ").append(changeMillis).append(" ms\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/d365-customer-scale.txt"), report);
        System.out.print(report);
    }

    private static String line(String what, Pass pass) {
        return String.format("%s: %d rows, %d pages, %d ms (%.0f rows/s), slowest page %d ms, %d MB of JSON%n", what,
                pass.rows(), pass.pages(), pass.millis(), pass.rows() * 1000.0 / Math.max(1, pass.millis()),
                pass.slowestPageMillis(), pass.bytes() / (1024 * 1024));
    }

    /** Every company, page by page, counting the properties of every row; answers rows, pages and times. */
    private static Pass pass(SandboxHttp http, String select, int properties) throws IOException {
        long rows = 0;
        int pages = 0;
        long slowest = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (String company : COMPANIES) {
            String next = http.url("/data/CustomersV3?cross-company=true&$filter=dataAreaId eq '" + company + "'"
                    + (select == null ? "" : "&$select=" + select)).toString();
            while (next != null) {
                long pageStart = System.nanoTime();
                HttpResponse<InputStream> response = http.send(http.authorized(java.net.URI.create(next)).GET(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                long[] page = new long[2];
                next = readPage(response.body(), company, properties, page);
                rows += page[0];
                bytes += page[1];
                pages++;
                slowest = Math.max(slowest, (System.nanoTime() - pageStart) / 1_000_000);
            }
        }
        return new Pass(rows, pages, (System.nanoTime() - start) / 1_000_000, slowest, bytes);
    }

    /** Streams one page: checks each row's company and property count; answers the next link. */
    private static String readPage(InputStream body, String company, int properties, long[] rowsAndBytes)
            throws IOException {
        String next = null;
        try (JsonParser json = JSON.createParser(body)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (name.equals("value")) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        int seen = 0;
                        String area = null;
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            json.nextToken();
                            if (field.equals("dataAreaId")) {
                                area = json.getText();
                            }
                            seen++;
                        }
                        if (seen != properties || !company.equals(area)) {
                            throw new AssertionError("row of " + area + " with " + seen + " properties, wanted "
                                    + properties + " of " + company);
                        }
                        rowsAndBytes[0]++;
                    }
                } else if (name.equals("@odata.nextLink")) {
                    next = json.getText();
                } else {
                    json.skipChildren();
                }
            }
            rowsAndBytes[1] = json.currentLocation().getByteOffset();
        }
        return next;
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
