package io.github.d365bridge.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw package} builds for production holds no sandbox and no local-run class: not the
 * runner jar the standalone runtime starts, not the plain jar, not the Functions app's runner jar and not
 * one jar of its {@code lib/}. The sandboxes and the local run's wiring are test sources by default
 * ({@code src/sandbox}, {@code src/local}); only the local run ({@code -Dlocal}) compiles them into the
 * application, in its own build folder.
 */
class ProductionArtifactIT {

    private static final Path TARGET = Path.of("target");
    private static final Path FUNCTIONS_APP = Path.of(
            System.getProperty("functions.app.dir", "target/azure-functions/d365-commerce-bridge"));
    private static final String BRIDGE_PREFIX = "io/github/d365bridge/";

    @Test
    void noJarOfTheProductionBuildContainsASandboxOrLocalRunClass() throws IOException {
        List<Path> jars = productionJars();
        List<String> offending = new ArrayList<>();
        int bridgeClasses = 0;
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith(BRIDGE_PREFIX) && name.endsWith(".class")) {
                        bridgeClasses++;
                    }
                    if (isSandboxOrLocal(name) || registersALocalService(zip, entry)) {
                        offending.add(jar + "!" + name);
                    }
                }
            }
        }
        assertThat(jars).as("runner jar, plain jar, Functions runner jar and lib/ found").hasSizeGreaterThan(10);
        // The check must be able to fail: the jars it read do carry the bridge's own classes.
        assertThat(bridgeClasses).as("bridge classes read in the production jars").isGreaterThan(300);
        assertThat(offending).as("sandbox or local-run entries in the production artifact").isEmpty();
    }

    @Test
    void theTestClasspathStillHasTheSandboxesAndTheLocalRun() {
        assertThat(resource("io/github/d365bridge/sandbox/d365/D365Sandbox.class")).isTrue();
        assertThat(resource("io/github/d365bridge/sandbox/commerce/CommerceSandbox.class")).isTrue();
        assertThat(resource("io/github/d365bridge/local/LocalSandboxes.class")).isTrue();
    }

    private static boolean isSandboxOrLocal(String name) {
        if (name.equals("mapping/local-sandbox.yaml")) {
            return true;
        }
        if (!name.startsWith(BRIDGE_PREFIX)) {
            return false;
        }
        String inBridge = name.substring(BRIDGE_PREFIX.length());
        // Packages, and generated classes elsewhere named after them (CDI beans, config mappings).
        return inBridge.startsWith("sandbox/") || inBridge.startsWith("local/")
                || inBridge.contains("Sandbox") || inBridge.contains("LocalWebhook");
    }

    private static boolean registersALocalService(ZipFile zip, ZipEntry entry) throws IOException {
        if (!entry.getName().startsWith("META-INF/services/")) {
            return false;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.contains("io.github.d365bridge.local.") || text.contains("io.github.d365bridge.sandbox.");
        }
    }

    private static List<Path> productionJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> top = Files.list(TARGET)) {
            top.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(jars::add);
        }
        assertThat(jars).as("jars in target/ (run ./mvnw package)")
                .anyMatch(p -> p.getFileName().toString().endsWith("-runner.jar"));
        assertThat(FUNCTIONS_APP).as("generated Functions app").isDirectory();
        try (Stream<Path> app = Files.walk(FUNCTIONS_APP)) {
            app.filter(p -> p.getFileName().toString().endsWith(".jar")).forEach(jars::add);
        }
        return jars;
    }

    private static boolean resource(String name) {
        return ProductionArtifactIT.class.getClassLoader().getResource(name) != null;
    }
}
