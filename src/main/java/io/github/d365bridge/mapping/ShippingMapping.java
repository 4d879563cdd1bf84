package io.github.d365bridge.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the order's shipping amount reaches D365.
 *
 * @param mode        {@code charge-line}: one extra line for the shipping amount (excluding tax) with
 *                    {@code itemNumber}, a non-stocked service item in D365; {@code ignore}: not sent,
 *                    for set-ups where D365 auto charges compute freight itself
 * @param itemNumber  the D365 item of the shipping line (required for {@code charge-line})
 * @param description line description of the shipping line; the Commerce method title is not kept
 */
public record ShippingMapping(Mode mode, String itemNumber, String description) {

    public enum Mode {
        @JsonProperty("charge-line") CHARGE_LINE,
        @JsonProperty("ignore") IGNORE
    }
}
