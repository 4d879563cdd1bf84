package io.github.d365bridge.client.commerce.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpServer;

class AdobeIoKeyFetcherTest {

    private final AdobeIoKeyFetcher fetcher = AdobeIoKeyFetcher.create();

    @Test
    void buildsUrlsOnAdobesKeyHost() {
        assertThat(fetcher.keyUrl("/prod/keys/pub-key-voy5XEbWmT.pem"))
                .isEqualTo(URI.create("https://static.adobeioevents.com/prod/keys/pub-key-voy5XEbWmT.pem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "prod/keys/k.pem", "//evil.example/k.pem", "@evil.example/k.pem", "/../../etc/k.pem",
        "/prod/./k.pem", "/prod/keys/k.pem?x=1", "/prod/keys/k.pem#f", "/prod/keys/k.txt",
        "https://evil.example/k.pem", "/prod/keys/k%2F.pem", "/prod\\keys\\k.pem", "/prod/keys/ k.pem", ""})
    void refusesPathsThatCouldLeaveTheKeyHost(String path) {
        assertThatThrownBy(() -> fetcher.keyUrl(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetcher.fetch(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABaseHostOutsideTheAllowList() {
        assertThatThrownBy(() -> new AdobeIoKeyFetcher(HttpClient.newHttpClient(), URI.create("https://evil.example"),
                AdobeIoKeyFetcher.DEFAULT_ALLOWED_HOSTS, Duration.ofSeconds(1)))
                .hasMessageContaining("allow-list");
    }

    /** One in-process HTTP server, to run the real HttpClient path (status, size limit, PEM parsing). */
    @Test
    void fetchesParsesAndLimitsKeysFromAnAllowedHost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] pem = TestKeys.pem(TestKeys.ADOBE_1.getPublic()).getBytes(StandardCharsets.US_ASCII);
        server.createContext("/keys/good.pem", exchange -> respond(exchange, 200, pem));
        server.createContext("/keys/huge.pem", exchange -> respond(exchange, 200, new byte[64 * 1024]));
        server.createContext("/keys/gone.pem", exchange -> respond(exchange, 404, new byte[0]));
        server.start();
        try {
            URI base = URI.create("http://localhost:" + server.getAddress().getPort());
            AdobeIoKeyFetcher local = new AdobeIoKeyFetcher(HttpClient.newHttpClient(), base, Set.of("localhost"),
                    Duration.ofSeconds(5));

            assertThat(local.fetch("/keys/good.pem")).isEqualTo(TestKeys.ADOBE_1.getPublic());
            assertThatThrownBy(() -> local.fetch("/keys/huge.pem")).isInstanceOf(IOException.class)
                    .hasMessageContaining("larger than");
            assertThatThrownBy(() -> local.fetch("/keys/gone.pem")).isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
