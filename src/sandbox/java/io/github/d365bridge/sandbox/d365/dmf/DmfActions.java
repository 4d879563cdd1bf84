package io.github.d365bridge.sandbox.d365.dmf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.odata.ODataException;
import io.github.d365bridge.sandbox.d365.odata.UrlText;

/** The answer of each DMF action, given its checked parameters. */
final class DmfActions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final D365SandboxOptions options;
    private final DmfBlobs blobs;
    private final DmfJobs jobs;
    private final String base;
    private final String company;

    DmfActions(D365SandboxOptions options, DmfBlobs blobs, DmfJobs jobs, String base, String company) {
        this.options = options;
        this.blobs = blobs;
        this.jobs = jobs;
        this.base = base;
        this.company = company;
    }

    Object run(String action, Map<String, JsonNode> p) {
        return switch (action) {
            case "GetAzureWriteUrl" -> writeUrl(text(p, "uniqueFileName"));
            case "ImportFromPackage" -> importFromPackage(p);
            case "ExportToPackage" -> exportToPackage(p);
            case "GetExportedPackageUrl" -> {
                DmfJob job = job(p);
                yield job.exportBlob() == null ? "" : blobs.readUrl(job.exportBlob());
            }
            case "GetExecutionSummaryStatus" -> job(p).status();
            case "GetExecutionErrors" -> executionErrors(job(p));
            case "GenerateImportTargetErrorKeysFile" -> {
                DmfJob job = job(p);
                String label = label(p);
                boolean any = !job.failedRows(label).isEmpty();
                if (any) {
                    jobs.requestErrorKeys(job, label);
                }
                yield any;
            }
            case "GetImportTargetErrorKeysFileUrl", "GetImportStagingErrorFileUrl" -> {
                DmfJob job = job(p);
                String blob = job.errorKeyBlobs().get(label(p).toLowerCase(Locale.ROOT));
                yield blob == null ? "" : blobs.readUrl(blob);
            }
            case "GetExecutionSummaryPageUrl" -> {
                DmfJob job = job(p);
                yield base + "/?cmp=" + job.legalEntity().toUpperCase(Locale.ROOT)
                        + "&mi=DMFExecutionSummary&executionId=" + UrlText.encode(job.executionId());
            }
            case "GetMessageStatus" -> "Unknown"; // recurring integrations are not emulated
            default -> throw ODataException.notFound("Resource not found for the segment '" + action + "'.");
        };
    }

    private String writeUrl(String uniqueFileName) {
        if (uniqueFileName.isBlank()) {
            throw ODataException.badRequest("uniqueFileName must not be empty.");
        }
        Map<String, String> value = new LinkedHashMap<>();
        value.put("BlobId", "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}");
        value.put("BlobUrl", blobs.writeUrl(uniqueFileName));
        try {
            return MAPPER.writeValueAsString(value); // a JSON string inside the JSON answer: clients parse twice
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String importFromPackage(Map<String, JsonNode> p) {
        String project = project(p);
        String packageUrl = text(p, "packageUrl");
        String blobName = blobs.blobNameOf(packageUrl);
        if (blobName == null) {
            throw ODataException.validation("The package URL '" + packageUrl + "' is not a URL of this environment's"
                    + " DMF blob storage; get one from GetAzureWriteUrl.");
        }
        String executionId = executionId(p, project);
        jobs.startImport(executionId, project, blobName, blobName, legalEntity(p));
        return executionId;
    }

    private String exportToPackage(Map<String, JsonNode> p) {
        String project = project(p);
        String executionId = executionId(p, project);
        jobs.startExport(executionId, project, text(p, "packageName"), legalEntity(p));
        return executionId;
    }

    private String project(Map<String, JsonNode> p) {
        String project = text(p, "definitionGroupId");
        if (!options.dataProjects().containsKey(project)) {
            throw ODataException.validation("Data project '" + project + "' does not exist. Create it in Data"
                    + " management with the package's entities before importing or exporting.");
        }
        return project;
    }

    private String executionId(Map<String, JsonNode> p, String project) {
        String given = text(p, "executionId");
        if (given.isEmpty()) {
            return DmfService.newExecutionId(project);
        }
        if (jobs.exists(given)) {
            throw ODataException.validation("Execution id '" + given + "' is already in use.");
        }
        return given;
    }

    private String legalEntity(Map<String, JsonNode> p) {
        String legalEntity = text(p, "legalEntityId");
        return (legalEntity.isEmpty() ? company : legalEntity).toLowerCase(Locale.ROOT);
    }

    private DmfJob job(Map<String, JsonNode> p) {
        String id = text(p, "executionId");
        return jobs.job(id).orElseThrow(() -> ODataException.validation(
                "The execution details for execution id '" + id + "' were not found."));
    }

    private static String label(Map<String, JsonNode> p) {
        String label = text(p, "entityName");
        if (!DmfService.isKnownLabel(label)) {
            throw ODataException.validation("Entity " + label + " does not exist.");
        }
        return label;
    }

    private static String executionErrors(DmfJob job) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String error : job.errors()) {
            list.add(Map.of("ExecutionId", job.executionId(), "Message", error));
        }
        try {
            return MAPPER.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Map<String, JsonNode> p, String name) {
        JsonNode node = p.get(name);
        return node == null || node.isNull() ? "" : node.asText();
    }
}
