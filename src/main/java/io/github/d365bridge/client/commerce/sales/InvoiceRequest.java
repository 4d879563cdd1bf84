package io.github.d365bridge.client.commerce.sales;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /V1/order/{orderId}/invoice}. Without items Commerce invoices every open line;
 * {@code capture} asks the payment method to capture online at once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceRequest(boolean capture, @JsonProperty("notify") boolean notifyCustomer, List<LineQuantity> items,
        Comment comment) {

    public static InvoiceRequest everything(boolean capture) {
        return new InvoiceRequest(capture, false, null, null);
    }

    public static InvoiceRequest lines(boolean capture, List<LineQuantity> items) {
        return new InvoiceRequest(capture, false, List.copyOf(items), null);
    }

    public InvoiceRequest withComment(String text) {
        return new InvoiceRequest(capture, notifyCustomer, items, new Comment(text, 0));
    }

    /** {@code sales-data-invoice-creation-arguments}' comment part. */
    public record Comment(String comment, @JsonProperty("is_visible_on_front") int isVisibleOnFront) {
    }
}
