package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;

import io.github.d365bridge.sandbox.commerce.auth.AdminTokenService;
import io.github.d365bridge.sandbox.commerce.http.RestDispatcher;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;

/** {@code POST /V1/integration/admin/token}: anonymous, answers the token as a JSON string literal. */
public final class AdminTokenApi {

    private final AdminTokenService tokens;

    public AdminTokenApi(AdminTokenService tokens) {
        this.tokens = tokens;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/integration/admin/token", RestDispatcher.ANONYMOUS, List.of(),
                call -> tokens.issue(call.body().path("username").asText(null), call.body().path("password").asText(null))));
    }
}
