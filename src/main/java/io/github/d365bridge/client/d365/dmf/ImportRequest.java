package io.github.d365bridge.client.d365.dmf;

import java.net.URI;

/**
 * The arguments of {@code ImportFromPackage}.
 *
 * @param packageUrl        the blob URL the package was uploaded to
 * @param definitionGroupId the data project in F&amp;O (must exist with matching entities)
 * @param executionId       our id for the job (empty lets D365 choose one)
 * @param legalEntityId     the company, e.g. {@code usmf}
 */
public record ImportRequest(URI packageUrl, String definitionGroupId, String executionId, String legalEntityId) {
}
