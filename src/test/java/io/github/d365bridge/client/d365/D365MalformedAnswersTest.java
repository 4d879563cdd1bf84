package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataQuery;

/**
 * What a broken gateway or a misbehaving service might send: every such answer becomes a clear
 * exception naming the entity set, action or execution, and nothing is retried forever. A tiny
 * loopback server plays the broken service (the sandbox is faithful, so it never answers like this).
 */
class D365MalformedAnswersTest {

    private static HttpServer server;
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();
    private static D365Client client;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/adfs/oauth2/token", exchange -> answer(exchange, 200,
                "{\"access_token\":\"t0ken-value-for-test-0123456789\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.createContext("/namespaces/AXSF/data/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String key = path.substring(path.lastIndexOf('/') + 1);
            String body = ANSWERS.getOrDefault(key, "{\"value\":[]}");
            answer(exchange, body.startsWith("500:") ? 500 : 200, body.startsWith("500:") ? body.substring(4) : body);
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = D365Client.create(new D365ClientOptions(URI.create(base + "/namespaces/AXSF"),
                D365ClientOptions.AuthMode.ADFS, URI.create(base + "/adfs"), "client", new D365ClientOptions.Secret("s"),
                true, Duration.ofSeconds(10), new RetryOptions(3, Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(5), Duration.ofMillis(50)), List.of(), Optional.empty(), Optional.empty()));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void htmlOrTruncatedPagesNameTheEntitySetAndPage() {
        ANSWERS.put("CustomersV3", "<html><body>Bad gateway</body></html>");
        assertThatThrownBy(() -> readAll()).isInstanceOf(BridgeException.class)
                .hasMessageContaining("read CustomersV3").hasMessageContaining("CustomersV3");

        ANSWERS.put("CustomersV3", "{\"value\":[{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"C1\"},{\"dataAre");
        assertThatThrownBy(() -> readAll()).isInstanceOf(BridgeException.class)
                .hasMessageContaining("read CustomersV3").hasMessageContaining("row 2");

        ANSWERS.put("CustomersV3", "{\"@odata.context\":\"x\"}");
        assertThatThrownBy(() -> readAll()).hasMessageContaining("has no 'value' array");
    }

    @Test
    void dmfAnswersThatBreakTheProtocolNameActionAndExecution() {
        ANSWERS.put("Microsoft.Dynamics.DataEntities.GetExecutionSummaryStatus", "{\"value\":\"Exploded\"}");
        assertThatThrownBy(() -> client.dmf().getExecutionSummaryStatus("exec-77"))
                .hasMessageContaining("exec-77").hasMessageContaining("unknown status 'Exploded'");

        ANSWERS.put("Microsoft.Dynamics.DataEntities.GetAzureWriteUrl", "{\"value\":\"{not json\"}");
        assertThatThrownBy(() -> client.dmf().getAzureWriteUrl("p.zip")).hasMessageContaining("GetAzureWriteUrl")
                .hasMessageContaining("not JSON");

        ANSWERS.put("Microsoft.Dynamics.DataEntities.GetExecutionErrors", "500:<html>upstream timeout</html>");
        assertThatThrownBy(() -> client.dmf().getExecutionErrors("exec-78")).isInstanceOf(BridgeException.class)
                .hasMessageContaining("GetExecutionErrors").hasMessageContaining("non-OData body")
                .hasMessageContaining("HTTP 500");
    }

    private static long readAll() {
        try (Stream<CustomerV3> rows = client.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all(), CustomerV3.class)) {
            return rows.count();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
