package io.github.d365bridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.ops.OperatorRoutes.Route;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Every operator route the application deploys refuses a caller without the right key, whatever the HTTP
 * method and however the path is spelled, while the right key still reaches it. Sent with a raw HTTP
 * client, so the path reaches the server exactly as written (no client-side normalisation or encoding).
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class OpsRoutesRequireKeyTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Inject
    BeanManager beans;
    @ConfigProperty(name = "quarkus.http.root-path")
    String rootPath;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String key;
    private String wrongKey;

    @BeforeEach
    void readKey() throws Exception {
        key = Files.readString(Path.of("target/test-ops-key")).trim();
        // same length, so a comparison that stops at the first difference would still have to look
        wrongKey = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    }

    @Test
    void theRoutingKnowsTheOperatorRoutes() {
        assertThat(OperatorRoutes.of(beans)).extracting(r -> r.method() + " " + r.template())
                .contains("GET /ops/health", "GET /ops/status", "POST /ops/queues/{queue}/replay-poison",
                        "GET /ops/orders", "POST /ops/orders/{key: .+}/replay", "GET /ops/customer-xref/{legalEntity}",
                        "PUT /ops/customer-xref/{legalEntity}/{kind}/{id}",
                        "DELETE /ops/customer-xref/{legalEntity}/{kind}/{id}");
    }

    @Test
    void theRightKeyReachesEveryOperatorRoute() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : OperatorRoutes.of(beans)) {
            for (String spelling : List.of(route.path(), matrixOnFirstSegment(route.path()))) {
                Answer answer = send(route.method(), rootPath + spelling, key);
                if (!answer.servedByResource()) {
                    problems.add(route + " as " + spelling + " with the key: " + answer);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyOperatorRouteRefusesAMissingOrWrongKeyForEveryMethodAndSpelling() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String path : OperatorRoutes.of(beans).stream().map(Route::path).distinct().toList()) {
            for (String spelling : PathSpellings.of(rootPath + path)) {
                for (String method : METHODS) {
                    Answer withKey = send(method, spelling, key);
                    for (String presented : new String[] {null, wrongKey}) {
                        Answer answer = send(method, spelling, presented);
                        checked++;
                        String what = method + " " + spelling + (presented == null ? " without key" : " wrong key");
                        if (withKey.servedByResource() && !answer.isOpsKeyRefusal()) {
                            problems.add(what + ": expected 401, got " + answer);
                        } else if (answer.status() < 300 || answer.servedByResource()) {
                            problems.add(what + ": not refused, got " + answer);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(problems).as("%d of %d requests not refused", problems.size(), checked).isEmpty();
    }

    private static String matrixOnFirstSegment(String path) {
        int slash = path.indexOf('/', 1);
        return slash < 0 ? path + ";x" : path.substring(0, slash) + ";x" + path.substring(slash);
    }

    private Answer send(String method, String path, String opsKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (opsKey != null) {
            request.header(OpsKeyFilter.HEADER, opsKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** What the server answered, and whether one of our resources (not the router) produced it. */
    record Answer(int status, String body, String challenge) {

        /** The router's 404/405 carry no JSON error; our resources answer every refusal with one. */
        boolean servedByResource() {
            return status != 401 && (status < 300 || (status < 500 && body != null && body.contains("\"error\""))
                    || status == 503);
        }

        boolean isOpsKeyRefusal() {
            return status == 401 && challenge != null && challenge.contains(OpsKeyFilter.HEADER)
                    && (body.isEmpty() || body.contains("missing or wrong " + OpsKeyFilter.HEADER));
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.substring(0, Math.min(120, body.length())));
        }
    }
}
