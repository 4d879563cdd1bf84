package io.github.d365bridge.client.d365.dmf;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Decides which blob URLs handed out by D365 we upload to or download from: HTTPS on
 * {@code *.blob.core.windows.net}, or a host configured explicitly (our storage endpoints, the
 * sandbox). A URL from a remote answer is never trusted just because it arrived.
 */
public final class BlobHostPolicy {

    private static final String AZURE_BLOB_SUFFIX = ".blob.core.windows.net";

    private final List<String> extraHosts;

    /** @param extraHosts {@code host} or {@code host:port} entries (lower-case compare) */
    public BlobHostPolicy(List<String> extraHosts) {
        this.extraHosts = extraHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    public URI check(URI url, String purpose) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean azure = "https".equals(scheme) && host.endsWith(AZURE_BLOB_SUFFIX) && host.length() > AZURE_BLOB_SUFFIX.length();
        String hostPort = url.getPort() > 0 ? host + ":" + url.getPort() : host;
        boolean configured = ("https".equals(scheme) || isLoopback(host))
                && (extraHosts.contains(host) || extraHosts.contains(hostPort));
        if (!azure && !configured) {
            throw new PermanentFailureException(ExternalSystem.D365, "Refusing to " + purpose + " " + scheme + "://"
                    + hostPort + ": not *.blob.core.windows.net over HTTPS and not in bridge.d365.allowed-blob-hosts");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }
}
