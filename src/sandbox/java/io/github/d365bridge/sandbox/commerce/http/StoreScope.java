package io.github.d365bridge.sandbox.commerce.http;

/**
 * The store a REST call addresses through {@code /rest/<code>/V1}: a store view, or {@code all}
 * (store id 0, the global scope, where catalog writes land as default values).
 */
public record StoreScope(String code, int storeId, int websiteId) {

    public static final String ALL = "all";

    public static StoreScope all() {
        return new StoreScope(ALL, 0, 0);
    }

    public boolean global() {
        return storeId == 0;
    }
}
