package io.github.d365bridge.client.d365.dmf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.core.HttpTransport;
import io.github.d365bridge.client.d365.D365Http;
import io.github.d365bridge.ground.Json;

/**
 * The data management package API: every action of
 * {@code DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.<Action>}, plus the uploads and
 * downloads of packages through the SAS URLs D365 hands out (checked by {@link BlobHostPolicy}).
 */
public final class DmfClient {

    private static final String ACTIONS = "DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.";

    private final D365Http http;
    private final URI dataRoot;
    private final BlobHostPolicy hosts;

    public DmfClient(D365Http http, URI dataRoot, BlobHostPolicy hosts) {
        this.http = http;
        this.dataRoot = dataRoot;
        this.hosts = hosts;
    }

    /** A fresh write URL; D365 answers JSON inside a JSON string, so it is parsed twice. */
    public WriteUrl getAzureWriteUrl(String uniqueFileName) {
        String action = "GetAzureWriteUrl";
        String inner = stringValue(action, call(action, Map.of("uniqueFileName", uniqueFileName)), uniqueFileName);
        JsonNode json = parse(action, inner, "the value string");
        String blobUrl = json.path("BlobUrl").asText("");
        if (blobUrl.isEmpty()) {
            throw D365Http.malformed(action, "answer for '" + uniqueFileName + "' has no BlobUrl");
        }
        return new WriteUrl(json.path("BlobId").asText(""), hosts.check(URI.create(blobUrl), "upload to"));
    }

    /**
     * Uploads a package with a write URL asked for right now; if the upload is refused (403: the SAS
     * expired or was revoked) asks once more for a fresh URL. Returns the URL the package landed at.
     */
    public WriteUrl uploadPackage(String uniqueFileName, Path packageZip) {
        WriteUrl target = getAzureWriteUrl(uniqueFileName);
        try {
            putBlob(target, packageZip);
            return target;
        } catch (SasRefusedException expired) {
            WriteUrl fresh = getAzureWriteUrl(uniqueFileName);
            putBlob(fresh, packageZip);
            return fresh;
        }
    }

    private void putBlob(WriteUrl target, Path packageZip) {
        HttpTransport transport = http.transport();
        try {
            HttpResponse<InputStream> response = transport.send(transport.request(target.blobUrl())
                    .header("x-ms-blob-type", "BlockBlob").header("Content-Type", "application/zip")
                    .PUT(HttpRequest.BodyPublishers.ofFile(packageZip)).build(), "upload package " + target.blobId());
            String body = HttpTransport.text(response, 2048);
            if (response.statusCode() == 403) {
                throw new SasRefusedException(target, body);
            }
            if (response.statusCode() != 201) {
                throw BridgeException.builder(ExternalSystem.D365, "Upload of package " + target.blobId()
                        + " answered HTTP " + response.statusCode()).httpStatus(response.statusCode()).excerpt(body)
                        .build();
            }
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("Package file " + packageZip + " does not exist", e);
        }
    }

    public String importFromPackage(ImportRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("packageUrl", request.packageUrl().toString());
        body.put("definitionGroupId", request.definitionGroupId());
        body.put("executionId", request.executionId() == null ? "" : request.executionId());
        body.put("execute", true);
        body.put("overwrite", true);
        body.put("legalEntityId", request.legalEntityId());
        return stringValue("ImportFromPackage", call("ImportFromPackage", body), request.executionId());
    }

    /** Starts an export; D365 answers the execution id as a string (or, per the docs, a nested object). */
    public String exportToPackage(String definitionGroupId, String packageName, String executionId, boolean reExecute,
            String legalEntityId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("definitionGroupId", definitionGroupId);
        body.put("packageName", packageName);
        body.put("executionId", executionId == null ? "" : executionId);
        body.put("reExecute", reExecute);
        body.put("legalEntityId", legalEntityId);
        JsonNode value = call("ExportToPackage", body).path("value");
        JsonNode id = value.isObject() ? (value.has("value") ? value.get("value") : value.path("executionId")) : value;
        if (!id.isTextual() || id.asText().isBlank()) {
            throw D365Http.malformed("ExportToPackage", "answer for '" + packageName + "' has no execution id (got "
                    + value + ")");
        }
        return id.asText();
    }

    /** The exported package's URL, empty while D365 is still producing it. */
    public Optional<URI> getExportedPackageUrl(String executionId) {
        return optionalUrl("GetExportedPackageUrl", Map.of("executionId", executionId), executionId, true);
    }

    public DmfExecutionStatus getExecutionSummaryStatus(String executionId) {
        try {
            String value = stringValue("GetExecutionSummaryStatus",
                    call("GetExecutionSummaryStatus", Map.of("executionId", executionId)), executionId);
            return DmfExecutionStatus.parse(value, executionId);
        } catch (BridgeException e) {
            if (e.httpStatus() == 400 && e.getMessage().contains("not found")) {
                return DmfExecutionStatus.NOT_FOUND;
            }
            throw e;
        }
    }

    /** The job's error messages (D365 answers a JSON list inside a string). */
    public List<JsonNode> getExecutionErrors(String executionId) {
        String inner = stringValue("GetExecutionErrors", call("GetExecutionErrors", Map.of("executionId", executionId)),
                executionId);
        JsonNode list = inner.isBlank() ? Json.mapper().createArrayNode() : parse("GetExecutionErrors", inner, executionId);
        List<JsonNode> errors = new ArrayList<>();
        list.forEach(errors::add);
        return errors;
    }

    /** Asks D365 to collect the keys of rows that failed in the target; false when there are none. */
    public boolean generateImportTargetErrorKeysFile(String executionId, String entityLabel) {
        JsonNode value = call("GenerateImportTargetErrorKeysFile", Map.of("executionId", executionId,
                "entityName", entityLabel)).path("value");
        if (!value.isBoolean()) {
            throw D365Http.malformed("GenerateImportTargetErrorKeysFile", "execution '" + executionId + "' entity '"
                    + entityLabel + "' answered " + value + " instead of a boolean");
        }
        return value.booleanValue();
    }

    /** The error-keys file URL, empty while D365 is still generating it: poll until present. */
    public Optional<URI> getImportTargetErrorKeysFileUrl(String executionId, String entityLabel) {
        return optionalUrl("GetImportTargetErrorKeysFileUrl", Map.of("executionId", executionId,
                "entityName", entityLabel), executionId, true);
    }

    public Optional<URI> getImportStagingErrorFileUrl(String executionId, String entityLabel) {
        return optionalUrl("GetImportStagingErrorFileUrl", Map.of("executionId", executionId,
                "entityName", entityLabel), executionId, true);
    }

    /** A link to the job in the F&amp;O UI, for operator messages (not fetched by us). */
    public Optional<URI> getExecutionSummaryPageUrl(String executionId) {
        return optionalUrl("GetExecutionSummaryPageUrl", Map.of("executionId", executionId), executionId, false);
    }

    /** Downloads a package or error file from a URL D365 handed out (plain GET, no bearer token). */
    public InputStream download(URI url, String what) {
        hosts.check(url, "download " + what + " from");
        HttpTransport transport = http.transport();
        HttpResponse<InputStream> response = transport.send(transport.request(url).GET().build(), "download " + what);
        if (response.statusCode() != 200) {
            String body = HttpTransport.text(response, 2048);
            throw BridgeException.builder(ExternalSystem.D365, "Download of " + what + " answered HTTP "
                    + response.statusCode()).httpStatus(response.statusCode()).excerpt(body).build();
        }
        return response.body();
    }

    private Optional<URI> optionalUrl(String action, Map<String, Object> body, String executionId, boolean blob) {
        String value = stringValue(action, call(action, body), executionId);
        if (value.isBlank()) {
            return Optional.empty();
        }
        URI url = URI.create(value);
        return Optional.of(blob ? hosts.check(url, "use " + action + " URL of") : url);
    }

    private JsonNode call(String action, Map<String, ?> body) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(action + " body cannot be serialised", e);
        }
        URI url = URI.create(dataRoot + ACTIONS + action);
        return http.execute(action, h -> h.request(url).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)),
                answer -> {
                    try (InputStream in = answer.body()) {
                        return parse(action, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                                String.valueOf(body.get("executionId")));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(action + ": reading the answer failed", e);
                    }
                });
    }

    private static String stringValue(String action, JsonNode answer, String context) {
        JsonNode value = answer.path("value");
        if (!value.isTextual()) {
            throw D365Http.malformed(action, "answer for '" + context + "' has no string 'value' (got " + value + ")");
        }
        return value.asText();
    }

    private static JsonNode parse(String action, String text, String context) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw D365Http.malformed(action, "answer for '" + context + "' is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The storage service refused an upload (403): the SAS expired or was revoked. */
    static final class SasRefusedException extends BridgeException {
        SasRefusedException(WriteUrl target, String body) {
            super(builder(ExternalSystem.D365, "Upload to " + target + " was refused (SAS expired or revoked)")
                    .httpStatus(403).excerpt(body));
        }
    }
}
