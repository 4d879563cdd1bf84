package io.github.d365bridge.storage;

/**
 * The copy of a claim-check body kept for a poisoned message ({@link ClaimCheckStore#hold}), recorded with
 * the message's failure entry so the copy goes when the entry goes.
 *
 * @param blobName the claim-check blob name the envelope carries
 * @param etag     the ETag of the held copy as this hold wrote it: a later hold of the same body (the message
 *                 poisoned again after a replay) writes a new one, and only the newest hold's entry may delete it
 */
public record HeldPayload(String blobName, String etag) {
}
