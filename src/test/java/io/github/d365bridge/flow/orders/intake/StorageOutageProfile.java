package io.github.d365bridge.flow.orders.intake;

import java.util.ArrayList;
import java.util.List;

import io.github.d365bridge.testing.BridgeTestProfile;

/** The shared profile, with the bridge's queues behind a proxy that can stop answering. */
public class StorageOutageProfile extends BridgeTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(StorageBehindProxyResource.class));
        return resources;
    }
}
