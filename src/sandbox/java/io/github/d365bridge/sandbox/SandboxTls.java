package io.github.d365bridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the sandboxes (dev/test only), so they speak HTTPS like the real
 * services: msal4j refuses plain-http authorities, and a client that only ever saw http would not be
 * tested on TLS. Made once per folder with the JDK's own keytool: a key store for the sandbox server
 * and a trust store holding only its certificate for the bridge's clients.
 */
public final class SandboxTls {

    private static final String ALIAS = "bridge-sandbox";

    private final Path keyStore;
    private final Path trustStore;
    private final String password;

    private SandboxTls(Path keyStore, Path trustStore, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /** Creates (or reuses) {@code sandbox-keystore.p12} and {@code sandbox-truststore.p12} in {@code folder}. */
    public static synchronized SandboxTls inFolder(Path folder, String password) {
        Path keys = folder.resolve("sandbox-keystore.p12");
        Path trust = folder.resolve("sandbox-truststore.p12");
        try {
            Files.createDirectories(folder);
            if (!Files.exists(keys) || !Files.exists(trust)) {
                Files.deleteIfExists(keys);
                Files.deleteIfExists(trust);
                Path cert = folder.resolve("sandbox.cer");
                keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                        "-dname", "CN=127.0.0.1, OU=sandbox, O=d365-commerce-bridge",
                        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                        "-keystore", keys.toString(), "-storepass", password, "-keypass", password);
                keytool("-exportcert", "-alias", ALIAS, "-keystore", keys.toString(), "-storepass", password,
                        "-file", cert.toString());
                keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", cert.toString(), "-storetype", "PKCS12",
                        "-keystore", trust.toString(), "-storepass", password);
                Files.deleteIfExists(cert);
            }
            return new SandboxTls(keys, trust, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox certificate in " + folder, e);
        }
    }

    public Path keyStore() {
        return keyStore;
    }

    public Path trustStore() {
        return trustStore;
    }

    public String password() {
        return password;
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running keytool", e);
        }
    }
}
