/**
 * D365 F&O sandbox: an emulator of the published contracts for tests, benchmarks and the local run.
 *
 * <pre>{@code
 * try (D365Sandbox d365 = D365Sandbox.start(D365SandboxOptions.builder()
 *         .client(ClientRegistration.listed(clientId, secret))
 *         .storageConnectionString(azuriteConnectionString)   // needed for DMF only
 *         .pageSize(10_000)
 *         .build())) {
 *     // token: POST d365.entraAuthority() + "/oauth2/v2.0/token", scope = d365.baseUrl() + "/.default"
 *     // OData: d365.baseUrl() + "/data/CustomersV3"; AD FS mode: d365.adfsBaseUrl() + "/data/..."
 *     d365.faults().throttle(20, 5);            // 20 % of OData calls answer 429 with Retry-After: 5
 *     d365.data().find("CustomersV3", "usmf", "US-000001");
 *     // change exactly 1 % of usmf's customers; the answer lists each one with its old and new values
 *     d365.data().customerChanges().changeShare("usmf", 1, 42, List.of(Aspect.NAME, Aspect.EMAIL), false);
 * }
 * }</pre>
 *
 * Where the real service is strict, so is the sandbox (in/has, key syntax, enum literals, package
 * encoding, concurrent imports); choices made where the API notes mark a fact unconfirmed are stated
 * in the class comments. Nothing here is a CDI bean or JAX-RS resource (see SandboxIsolationTest).
 */
package io.github.d365bridge.sandbox.d365;
