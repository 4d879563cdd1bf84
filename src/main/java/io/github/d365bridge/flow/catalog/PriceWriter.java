package io.github.d365bridge.flow.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.price.BasePrice;
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
        List<Pending> base = new ArrayList<>();
        int rows = 0;
        for (Pending p : pending) {
            if (PriceMapper.BASE_TYPE.equals(p.record().type())) {
                base.add(p);
                continue;
            }
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
        results.addAll(basePrices(base));
        return results;
    }

    /**
     * {@code POST /V1/products/base-prices}, up to {@code rowsPerCall} rows a call: sets each website's price
     * (Commerce answers 200 with the rows it refused, which fail their record with Commerce's message).
     */
    private List<Result> basePrices(List<Pending> records) {
        List<Result> results = new ArrayList<>();
        List<BasePrice> rows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        List<Pending> batch = new ArrayList<>();
        for (Pending p : records) {
            List<BasePrice> prices = new ArrayList<>();
            p.record().payload().path("prices").forEach(r -> prices.add(new BasePrice(r.get("price").decimalValue(),
                    r.get("store_id").asInt(), p.record().payload().get("sku").asText())));
            if (!batch.isEmpty() && rows.size() + prices.size() > rowsPerCall) {
                results.addAll(sendBase(batch, rows, owner));
                batch = new ArrayList<>();
                rows = new ArrayList<>();
                owner = new ArrayList<>();
            }
            batch.add(p);
            for (BasePrice price : prices) {
                rows.add(price);
                owner.add(batch.size() - 1);
            }
        }
        if (!batch.isEmpty()) {
            results.addAll(sendBase(batch, rows, owner));
        }
        return results;
    }

    private List<Result> sendBase(List<Pending> batch, List<BasePrice> rows, List<Integer> owner) {
        PriceUpdateResult<BasePrice> answer = commerce.prices().updateBasePrices(rows);
        List<List<String>> refused = new ArrayList<>();
        batch.forEach(r -> refused.add(new ArrayList<>()));
        for (int row : answer.failedRows()) {
            refused.get(owner.get(row)).addAll(answer.failuresOf(row));
        }
        List<String> unmatched = answer.unmatched().stream().map(Object::toString).toList();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<String> reasons = new ArrayList<>(refused.get(i));
            if (!unmatched.isEmpty() && reasons.isEmpty() && i == 0) {
                reasons.addAll(unmatched); // not tied to a row: the call's first record carries it, none is lost
            }
            Pending p = batch.get(i);
            results.add(reasons.isEmpty() ? Result.written(p, "", false)
                    : Result.failed(p, "Commerce: " + String.join("; ", reasons)));
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
