package io.github.d365bridge.client.d365;

import java.time.Clock;
import java.time.Duration;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.client.core.RetryPolicy;
import io.github.d365bridge.client.core.ThrottleGate;
import io.github.d365bridge.client.d365.auth.CachingTokenSource;
import io.github.d365bridge.client.d365.auth.FormPostTokenSource;
import io.github.d365bridge.client.d365.auth.MsalTokenSource;
import io.github.d365bridge.client.d365.auth.TokenSource;
import io.github.d365bridge.client.d365.dmf.BlobHostPolicy;
import io.github.d365bridge.client.d365.dmf.DmfClient;
import io.github.d365bridge.client.d365.odata.ODataClient;

/**
 * The one way the bridge reaches D365: OData and the DMF package API over one authenticated, throttled
 * HTTP client. Build it once per D365 environment and share it: it is thread-safe, and its throttle
 * gate only protects D365 if every caller goes through the same instance.
 */
public final class D365Client {

    private final ODataClient odata;
    private final DmfClient dmf;
    private final ThrottleGate throttle;

    private D365Client(ODataClient odata, DmfClient dmf, ThrottleGate throttle) {
        this.odata = odata;
        this.dmf = dmf;
        this.throttle = throttle;
    }

    public static D365Client create(D365ClientOptions options) {
        return create(options, Clock.systemUTC());
    }

    public static D365Client create(D365ClientOptions options, Clock clock) {
        HttpTransport transport = new HttpTransport(ExternalSystem.D365, Duration.ofSeconds(10),
                options.requestTimeout(), options.sslContext());
        TokenSource tokens = new CachingTokenSource(
                options.authMode() == D365ClientOptions.AuthMode.ADFS && options.adfsFormPost()
                        ? new FormPostTokenSource(options, transport, clock)
                        : new MsalTokenSource(options), clock);
        ThrottleGate throttle = new ThrottleGate(clock);
        D365Http http = new D365Http(transport, tokens, new RetryPolicy(options.retry(), throttle, clock));
        return new D365Client(new ODataClient(http, options.dataRoot(), options.clientPageSize()),
                new DmfClient(http, options.dataRoot(), new BlobHostPolicy(options.allowedBlobHosts())), throttle);
    }

    public ODataClient odata() {
        return odata;
    }

    public DmfClient dmf() {
        return dmf;
    }

    /** How long every call of this client still waits out throttling (zero when none). */
    public Duration throttledFor() {
        return throttle.remaining();
    }
}
