package io.github.d365bridge.client.commerce.price;

import java.util.List;

/**
 * One rejected row of a bulk price call that otherwise succeeded (HTTP 200).
 *
 * @param rows    indices into the request list of the rows this failure names; empty when the failure
 *                could not be tied to a row (it then concerns the batch, and the caller must treat every
 *                row as unconfirmed)
 * @param message Commerce's text with its placeholders filled
 */
public record PriceRowFailure(List<Integer> rows, String message) {

    public PriceRowFailure {
        rows = List.copyOf(rows);
    }
}
