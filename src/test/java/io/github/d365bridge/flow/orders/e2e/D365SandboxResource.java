package io.github.d365bridge.flow.orders.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A D365 sandbox over HTTPS for a Quarkus test application, its DMF blobs on an Azurite of its own (as a
 * real D365's storage is not the bridge's), and the bridge's {@code bridge.d365.*} settings pointing at
 * it. The client secret is made up per run.
 */
public class D365SandboxResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument: the DMF latency model's fixed part per job (ISO-8601), 500 ms unless given. */
    public static final String DMF_JOB_LATENCY = "dmf-job-latency";
    /** Init argument: the DMF latency model's part per package row (ISO-8601), 2 ms unless given. */
    public static final String DMF_ROW_LATENCY = "dmf-row-latency";

    private D365Sandbox sandbox;
    private Duration jobLatency = Duration.ofMillis(500);
    private Duration rowLatency = Duration.ofMillis(2);

    @Override
    public void init(Map<String, String> initArgs) {
        jobLatency = Duration.parse(initArgs.getOrDefault(DMF_JOB_LATENCY, jobLatency.toString()));
        rowLatency = Duration.parse(initArgs.getOrDefault(DMF_ROW_LATENCY, rowLatency.toString()));
    }

    @Override
    public Map<String, String> start() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        SandboxTls tls = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
        StorageAccount storage = TestAzurite.storage();
        sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(tls)
                .client(ClientRegistration.listed("e2e-bridge-app", secret))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(jobLatency, rowLatency).build());
        URI blob = URI.create(storage.blobService().getAccountUrl());
        Map<String, String> config = new HashMap<>();
        config.put("bridge.d365.base-url", sandbox.baseUrl().toString());
        config.put("bridge.d365.authority", sandbox.entraAuthority().toString());
        config.put("bridge.d365.client-id", "e2e-bridge-app");
        config.put("bridge.d365.client-secret", secret);
        config.put("bridge.d365.trust-store", tls.trustStore().toString());
        config.put("bridge.d365.trust-store-password", tls.password());
        config.put("bridge.d365.allowed-blob-hosts", blob.getHost() + ":" + blob.getPort());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectD365Sandbox.class, D365Sandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
