package io.github.d365bridge.sandbox.commerce.orders;

/** Who places an order. {@code MIXED} draws one of the others per order from the seed. */
public enum OrderKind { MIXED, GUEST, CUSTOMER, COMPANY }
