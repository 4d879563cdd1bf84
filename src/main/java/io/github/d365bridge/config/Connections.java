package io.github.d365bridge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;

/**
 * Whether the bridge has somewhere to send its calls: the one place flows ask before doing work that
 * needs D365 or Commerce, so an unconnected app idles quietly instead of failing on every tick. By
 * default a system is connected when its base URL is configured; the local run replaces this bean
 * with its sandboxes.
 */
@DefaultBean
@ApplicationScoped
public class Connections {

    private final D365Config d365;
    private final CommerceConfig commerce;

    @Inject
    public Connections(D365Config d365, CommerceConfig commerce) {
        this.d365 = d365;
        this.commerce = commerce;
    }

    protected Connections() {
        this.d365 = null;
        this.commerce = null;
    }

    public boolean d365() {
        return d365.baseUrl().isPresent();
    }

    public boolean commerce() {
        return commerce.baseUrl().isPresent();
    }
}
