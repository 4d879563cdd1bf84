package io.github.d365bridge.sandbox.d365.dmf;

import java.util.List;

import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** Lets tests outside this package run a small order import. */
public final class DmfTestAccess {

    private DmfTestAccess() {
    }

    public static String importOrders(SandboxHttp http) {
        byte[] zip = TestPackages.orders(List.of(TestPackages.header("T", "US-000001", "access-" + System.nanoTime())),
                List.of(TestPackages.line("T", 1, "P000003", "1", "1")));
        return new DmfClient(http).importPackage(zip, "SalesOrderImport");
    }
}
