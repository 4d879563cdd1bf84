package io.github.d365bridge.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How Commerce's cart-rule discounts reach D365. Commerce already allocates an order discount onto
 * its items ({@code items[].discount_amount}); the choice is whether D365 sees that allocation.
 *
 * @param orderLevel  {@code spread}: each line carries its item's discount as {@code LineDiscountAmount};
 *                    {@code discount-line}: lines go at full price and one extra line with
 *                    {@code itemNumber} carries the whole order discount as a negative price
 * @param itemNumber  the D365 item of the discount line (required for {@code discount-line})
 * @param description line description of the discount line
 */
public record DiscountMapping(OrderLevel orderLevel, String itemNumber, String description) {

    public enum OrderLevel {
        @JsonProperty("spread") SPREAD,
        @JsonProperty("discount-line") DISCOUNT_LINE
    }
}
