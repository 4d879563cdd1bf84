package io.github.d365bridge.sandbox.d365.dmf;

import java.util.List;

import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;

/** One entity of an uploaded package after validation: its label, target set and rows (none without a map). */
record ParsedEntity(String label, EntitySchema schema, List<PackageRow> rows) {
}
