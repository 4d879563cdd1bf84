package io.github.d365bridge.sandbox.commerce.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

class CompactTableTest {

    private static ObjectNode row(String email, Object website) {
        ObjectNode row = Json.mapper().createObjectNode().put("email", email);
        return website instanceof Integer i ? row.put("website_id", i) : row.put("website_id", (String) website);
    }

    @Test
    void aRowReadIsACopyAndOnlyAPutChangesTheStore() {
        CompactTable table = new CompactTable("id", Set.of("email"));
        int id = table.insert(row("a@example.com", 1));
        table.get(id).orElseThrow().put("email", "changed@example.com");
        assertThat(table.get(id).orElseThrow().get("email").asText()).isEqualTo("a@example.com");
        assertThat(table.idsWhere("email", "changed@example.com")).isEmpty();
    }

    @Test
    void theIndexFollowsEveryChangeAndFoldsCaseAndNumbersLikeTheMatcher() {
        CompactTable table = new CompactTable("id", Set.of("email", "website_id"));
        int first = table.insert(row("Ann@Example.com", 1));
        int second = table.insert(row("bob@example.com", "1.0"));
        assertThat(table.idsWhere("email", "ann@example.COM")).containsExactly(first);
        assertThat(table.idsWhere("website_id", "1")).containsExactly(first, second);

        table.update(first, r -> r.put("email", "anna@example.com").put("website_id", 2));
        assertThat(table.idsWhere("email", "ann@example.com")).isEmpty();
        assertThat(table.idsWhere("email", "anna@example.com")).containsExactly(first);
        assertThat(table.idsWhere("website_id", "1")).containsExactly(second);
        assertThat(table.idsWhere("website_id", "2.00")).containsExactly(first);
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.ids()).containsExactly(first, second);
        assertThat(table.update(99, r -> r.put("email", "x"))).isFalse();
    }
}
