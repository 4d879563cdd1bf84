package io.github.d365bridge.bench;

import java.util.HashMap;
import java.util.Map;

import io.github.d365bridge.testing.BridgeTestProfile;

/**
 * The shared test profile with Azurite keeping its data on disk, in a folder of its own per run. In
 * memory, Azurite 3.35.0 stores one extent per message, and its GC (60 s after the previous sweep)
 * removes the extents of deleted messages one by one, each removal linear in their number: after the
 * benchmark's tens of thousands of cleared messages that sweep held Azurite's only thread for minutes
 * and every Storage call timed out. On disk, messages share 64 MB extent files, so a sweep has little to
 * remove, and the benchmark can clear its queues between measurements (Azurite gets slower as its
 * message table grows).
 */
public class IntakeBenchmarkProfile extends BridgeTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("bridge.storage.azurite.in-memory", "false");
        config.put("bridge.storage.azurite.location", "target/azurite-intake-benchmark/" + System.currentTimeMillis());
        return config;
    }
}
