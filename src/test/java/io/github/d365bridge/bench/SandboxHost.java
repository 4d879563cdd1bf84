package io.github.d365bridge.bench;

import java.nio.file.Path;
import java.time.Duration;

import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/**
 * Both sandboxes in a JVM of their own, so a benchmark's heap figures are the bridge's alone. Arguments:
 * customers per company, Commerce latency per call (ms), per bulk element (ms), PHP workers, bulk pace (ms).
 * Prints {@code READY <d365 url> <entra authority> <commerce url>} and serves until standard input closes.
 */
public final class SandboxHost {

    private SandboxHost() {
    }

    public static void main(String[] args) throws Exception {
        int perCompany = Integer.parseInt(args[0]);
        SandboxTls tls = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
        try (D365Sandbox d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(tls)
                .client(ClientRegistration.listed("bench-app", "bench-secret-0123456789"))
                .seedSizes(new SeedSizes(perCompany, 100, 3, 2)).build());
                CommerceSandbox commerce = CommerceSandbox.start(CommerceSandboxOptions.builder()
                        .latency(Duration.ofMillis(Long.parseLong(args[1])), Duration.ofMillis(Long.parseLong(args[2])))
                        .phpWorkers(Integer.parseInt(args[3]))
                        .bulkOperationPace(Duration.ofMillis(Long.parseLong(args[4]))).build())) {
            System.out.println("READY " + d365.baseUrl() + " " + d365.entraAuthority() + " " + commerce.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our standard input (or dies)
            }
        }
    }
}
