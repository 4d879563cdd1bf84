package io.github.d365bridge.flow.orders.intake;

import java.nio.file.Path;
import java.util.Map;

import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.testing.SilenceableProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An Azurite of its own whose queue endpoint the bridge reaches only through a {@link SilenceableProxy}
 * (blobs and tables directly), and a queue retry short enough for a test: one try of at most 2 s. The
 * proxy is injected into the test's {@code SilenceableProxy} field, so the test decides when Storage
 * stops answering.
 */
public class StorageBehindProxyResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedAzurite azurite;
    private SilenceableProxy proxy;

    @Override
    public Map<String, String> start() {
        azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", Path.of("target/azurite-outage"), true, 0, 0, 0);
        proxy = SilenceableProxy.start(azurite.queuePort());
        String connection = azurite.connectionString().replace(":" + azurite.queuePort() + "/", ":" + proxy.port() + "/");
        return Map.of("bridge.storage.connection-string", connection,
                "bridge.storage.queue-retry.max-tries", "1",
                "bridge.storage.queue-retry.try-timeout", "PT2S");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(SilenceableProxy.class));
    }

    @Override
    public void stop() {
        proxy.close();
        azurite.close();
    }
}
