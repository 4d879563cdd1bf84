package io.github.d365bridge.flow.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.price.PriceUpdateResult;
import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.ground.Json;

/**
 * Replaces each changed SKU's owned tier prices: {@code PUT /V1/products/tier-prices} with every row of the
 * SKUs of a call (Commerce replaces all tier prices of the SKUs it names), whole SKUs per call so no SKU's rows
 * are split over two replaces. A SKU whose set became empty cannot be replaced (Commerce ignores an empty
 * list), so the rows the bridge wrote last time (kept as the record's target id) are deleted instead
 * ({@code tier-prices-delete}). Commerce answers 200 with the rows it refused: each refusal fails its record
 * with Commerce's message; rows the mapper left out fail it with theirs, after the rest was written.
 */
final class PriceWriter implements SyncWriter {

    private final CommerceClient commerce;
    private final int rowsPerCall;

    PriceWriter(CommerceClient commerce, int rowsPerCall) {
        this.commerce = commerce;
        this.rowsPerCall = rowsPerCall;
    }

    @Override
    public List<Result> write(List<Pending> pending) {
        List<Result> results = new ArrayList<>();
        List<Pending> call = new ArrayList<>();
        int rows = 0;
        for (Pending p : pending) {
            List<TierPrice> prices = rows(p.record().payload());
            if (prices.isEmpty()) {
                results.add(clear(p));
                continue;
            }
            if (!call.isEmpty() && rows + prices.size() > rowsPerCall) {
                results.addAll(replace(call));
                call = new ArrayList<>();
                rows = 0;
            }
            call.add(p);
            rows += prices.size();
        }
        if (!call.isEmpty()) {
            results.addAll(replace(call));
        }
        return results;
    }

    private List<Result> replace(List<Pending> records) {
        List<TierPrice> all = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (TierPrice price : rows(records.get(i).record().payload())) {
                all.add(price);
                owner.add(i);
            }
        }
        PriceUpdateResult<TierPrice> answer = commerce.prices().replaceTierPrices(all);
        List<List<String>> refused = new ArrayList<>();
        records.forEach(r -> refused.add(new ArrayList<>()));
        for (int row : answer.failedRows()) {
            refused.get(owner.get(row)).addAll(answer.failuresOf(row));
        }
        List<String> unmatched = answer.unmatched().stream().map(Object::toString).toList();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Pending p = records.get(i);
            List<String> reasons = new ArrayList<>(refused.get(i));
            if (!unmatched.isEmpty() && reasons.isEmpty() && i == 0) {
                // a refusal Commerce did not tie to a row: the call's first record carries it, none is lost
                reasons.addAll(unmatched);
            }
            results.add(outcome(p, reasons));
        }
        return results;
    }

    private Result clear(Pending p) {
        List<TierPrice> before = p.targetId().filter(t -> !t.isEmpty()).map(PriceWriter::parse).orElse(List.of());
        if (!before.isEmpty()) {
            PriceUpdateResult<TierPrice> answer = commerce.prices().deleteTierPrices(before);
            if (!answer.allSaved()) {
                return Result.failedForNow(p, "old tier prices not deleted: " + answer.failures());
            }
        }
        return outcome(p, List.of());
    }

    /** Written; but a row Commerce refused or the mapper left out fails the record with the reason, kept listed. */
    private static Result outcome(Pending p, List<String> refusedByCommerce) {
        String written = Json.mapper().createObjectNode().put("sku", p.record().payload().get("sku").asText())
                .set("rows", p.record().payload().path("rows")).toString();
        List<String> reasons = new ArrayList<>();
        refusedByCommerce.forEach(r -> reasons.add("Commerce: " + r));
        p.record().payload().path("ignored").forEach(n -> reasons.add("not sent: " + n.asText()));
        if (reasons.isEmpty()) {
            return Result.written(p, written, false);
        }
        return new Result(p, Outcome.FAILED, written, String.join("; ", reasons), false);
    }

    static List<TierPrice> rows(JsonNode payload) {
        String sku = payload.get("sku").asText();
        List<TierPrice> rows = new ArrayList<>();
        for (JsonNode row : payload.path("rows")) {
            rows.add(new TierPrice(row.get("price").decimalValue(), row.path("price_type").asText(TierPrice.FIXED),
                    row.get("website_id").asInt(), sku, row.get("customer_group").asText(),
                    new BigDecimal(row.get("quantity").asText())));
        }
        return rows;
    }

    private static List<TierPrice> parse(String targetId) {
        try {
            JsonNode written = Json.mapper().readTree(targetId);
            return written.has("sku") ? rows(written) : List.of();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
