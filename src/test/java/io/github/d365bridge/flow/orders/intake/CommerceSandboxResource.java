package io.github.d365bridge.flow.orders.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one Commerce sandbox for the Quarkus test application (registered by {@code BridgeTestProfile},
 * so every {@code @QuarkusTest} shares it and Quarkus still boots once) and points the bridge at it:
 * REST base URL and integration credentials, the webhook public key, the I/O Events key host and client
 * id. The sandbox must know where to deliver before Quarkus starts, so the HTTP test port is chosen here
 * (a free loopback port) instead of being left to Quarkus. Key pairs are generated here so tests can
 * also sign bodies of their own.
 */
public class CommerceSandboxResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: webhook deliveries in flight at once (the sandbox's default, one, unless given). */
    public static final String DELIVERY_CONCURRENCY = "delivery-concurrency";

    private CommerceSandbox sandbox;
    private int deliveryConcurrency = 1;

    @Override
    public void init(Map<String, String> initArgs) {
        deliveryConcurrency = Integer.parseInt(initArgs.getOrDefault(DELIVERY_CONCURRENCY, "1"));
    }

    @Override
    public Map<String, String> start() {
        int port = freePort();
        String intake = "http://127.0.0.1:" + port + "/api/intake/commerce/";
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .webhookUrl(URI.create(intake + "webhook"))
                .ioEventsUrl(URI.create(intake + "events"))
                .webhookKeyPair(EventSigner.generate())
                .ioEventsKeyPairs(EventSigner.generate(), EventSigner.generate())
                .deliveryConcurrency(deliveryConcurrency)
                .build());
        OAuthCredentials integration = sandbox.options().integration();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(port));
        config.put("quarkus.http.test-host", "127.0.0.1");
        config.put("bridge.commerce.base-url", sandbox.baseUrl().toString());
        config.put("bridge.commerce.auth-mode", "OAUTH1");
        config.put("bridge.commerce.consumer-key", integration.consumerKey());
        config.put("bridge.commerce.consumer-secret", integration.consumerSecret());
        config.put("bridge.commerce.access-token", integration.token());
        config.put("bridge.commerce.access-token-secret", integration.tokenSecret());
        config.put("bridge.commerce.store-codes.\"2\"", "eu_en");
        config.put("bridge.intake.webhook-public-key", sandbox.publicKeys().get("/webhook/public-key.pem"));
        config.put("bridge.intake.io-events.client-id", sandbox.options().ioEventsClientId());
        config.put("bridge.intake.io-events.key-base-url", sandbox.ioEventsKeyBase().toString());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectCommerceSandbox.class, CommerceSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the Quarkus test server", e);
        }
    }
}
