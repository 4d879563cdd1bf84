package io.github.d365bridge.flow.dmf;

/**
 * Fired (asynchronous CDI event) when a status check found a DMF import ended (finished, or never
 * started) and released its data project: the moment the owning flow can start its next import instead of waiting
 * for its timer. May be fired more than once for one job (a redelivered check); observers must not care.
 */
public record DmfImportEnded(String legalEntity, String definitionGroup, String purpose, String executionId) {
}
