package io.github.d365bridge.client.d365.dmf;

import java.net.URI;

/** A blob D365 created for one upload: its id and a short-lived SAS URL (never cache it). */
public record WriteUrl(String blobId, URI blobUrl) {

    @Override
    public String toString() {
        // The SAS query is a credential: never print it.
        return "WriteUrl[" + blobId + ", " + blobUrl.getScheme() + "://" + blobUrl.getHost() + blobUrl.getPath() + "]";
    }
}
