package io.github.d365bridge.sandbox.commerce.http;

/**
 * What a route does. Returns the value Magento would serialize (a Jackson node, a number, a boolean,
 * a string or a list); throws {@link CommerceException} for every error Magento answers.
 */
@FunctionalInterface
public interface RouteHandler {

    Object handle(ApiCall call);
}
