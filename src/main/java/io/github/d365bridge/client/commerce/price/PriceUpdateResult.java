package io.github.d365bridge.client.commerce.price;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of a bulk price call. Commerce saves the valid rows and answers 200 with one
 * {@code {message,parameters}} per rejected row, so success of the call says nothing about a row.
 */
public record PriceUpdateResult<P extends PriceRow>(List<P> requested, List<PriceRowFailure> failures) {

    public PriceUpdateResult {
        requested = List.copyOf(requested);
        failures = List.copyOf(failures);
    }

    /** Every row was accepted. */
    public boolean allSaved() {
        return failures.isEmpty();
    }

    /** Failures that name no row of the request: no row can be taken as saved while there are any. */
    public List<PriceRowFailure> unmatched() {
        return failures.stream().filter(f -> f.rows().isEmpty()).toList();
    }

    public Set<Integer> failedRows() {
        Set<Integer> rows = new TreeSet<>();
        failures.forEach(f -> rows.addAll(f.rows()));
        return rows;
    }

    /** Failure texts of one request row, in answer order. */
    public List<String> failuresOf(int row) {
        return failures.stream().filter(f -> f.rows().contains(row)).map(PriceRowFailure::message).toList();
    }

    /** Rows known to be saved: none when some failure could not be tied to a row. */
    public List<P> saved() {
        if (!unmatched().isEmpty()) {
            return List.of();
        }
        Set<Integer> failed = failedRows();
        List<P> saved = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!failed.contains(i)) {
                saved.add(requested.get(i));
            }
        }
        return saved;
    }
}
