package io.github.d365bridge.ground;

/** The systems a failure can come from; part of every {@link BridgeException}. */
public enum ExternalSystem {
    D365,
    COMMERCE,
    STORAGE,
    BRIDGE
}
