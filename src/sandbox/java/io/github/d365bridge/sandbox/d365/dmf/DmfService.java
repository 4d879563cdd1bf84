package io.github.d365bridge.sandbox.d365.dmf;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SandboxFaults;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.odata.ODataException;
import io.github.d365bridge.sandbox.d365.odata.ODataService;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The DMF package API: {@code POST /data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.<Action>}.
 * Each action takes exactly its documented parameters (others are 400, as ODL refuses them) and answers
 * {@code {"@odata.context":"…#Edm.String","value":…}} (or Edm.Boolean).
 */
public final class DmfService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAMESPACE = "Microsoft.Dynamics.DataEntities.";
    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("GetAzureWriteUrl", List.of("uniqueFileName")),
            Map.entry("ImportFromPackage", List.of("packageUrl", "definitionGroupId", "executionId", "execute",
                    "overwrite", "legalEntityId")),
            Map.entry("ExportToPackage", List.of("definitionGroupId", "packageName", "executionId", "reExecute",
                    "legalEntityId")),
            Map.entry("GetExportedPackageUrl", List.of("executionId")),
            Map.entry("GetExecutionSummaryStatus", List.of("executionId")),
            Map.entry("GetExecutionErrors", List.of("executionId")),
            Map.entry("GenerateImportTargetErrorKeysFile", List.of("executionId", "entityName")),
            Map.entry("GetImportTargetErrorKeysFileUrl", List.of("executionId", "entityName")),
            Map.entry("GetImportStagingErrorFileUrl", List.of("executionId", "entityName")),
            Map.entry("GetExecutionSummaryPageUrl", List.of("executionId")),
            Map.entry("GetMessageStatus", List.of("messageId")));

    private final D365SandboxOptions options;
    private final DmfBlobs blobs;
    private final DmfJobs jobs;
    private final SandboxFaults faults;

    /** @param blobs null when the sandbox has no storage: every action then answers 500 */
    public DmfService(D365SandboxOptions options, DmfBlobs blobs, DmfJobs jobs, SandboxFaults faults) {
        this.options = options;
        this.blobs = blobs;
        this.jobs = jobs;
        this.faults = faults;
    }

    public void handle(RoutingContext ctx, String base, String actionPath, String company) {
        try {
            if (!actionPath.startsWith(NAMESPACE) || !PARAMETERS.containsKey(actionPath.substring(NAMESPACE.length()))) {
                throw ODataException.notFound("Resource not found for the segment '" + actionPath + "'.");
            }
            if (ctx.request().method() != HttpMethod.POST) {
                throw new ODataException(405, "The requested resource does not support http method '"
                        + ctx.request().method() + "'.", "System.Web.Http.HttpResponseException");
            }
            String action = actionPath.substring(NAMESPACE.length());
            if (blobs == null) {
                throw new ODataException(500, "The D365 sandbox has no storage connection string; DMF is unavailable.",
                        "System.InvalidOperationException");
            }
            Map<String, JsonNode> p = parameters(action, ctx.body().asString());
            Object value = new DmfActions(options, blobs, jobs, base, company).run(action, p);
            faults.seen(action, value instanceof String text ? text : "");
            java.util.Optional<AnswerLoss.How> lost = faults.answerLoss().take(action);
            if (lost.isPresent()) {
                loseAnswer(ctx, lost.get());
                return;
            }
            answer(ctx, base, value);
        } catch (ODataException e) {
            ODataService.error(ctx, e);
        }
    }

    private static Map<String, JsonNode> parameters(String action, String body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw ODataException.badRequest("The request payload is not valid JSON.");
        }
        if (!root.isObject()) {
            throw ODataException.badRequest("The request payload must be a JSON object of action parameters.");
        }
        List<String> expected = PARAMETERS.get(action);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!expected.contains(entry.getKey())) {
                throw ODataException.badRequest("The parameter '" + entry.getKey() + "' in the request payload is not a"
                        + " valid parameter for the operation '" + action + "'.");
            }
            values.put(entry.getKey(), entry.getValue());
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw ODataException.badRequest("One or more parameters of the operation '" + action + "' are missing from"
                    + " the request payload. The missing parameters are: " + String.join(", ", missing) + ".");
        }
        return values;
    }

    /** The action was carried out; the caller never hears of it. */
    private static void loseAnswer(RoutingContext ctx, AnswerLoss.How how) {
        if (how == AnswerLoss.How.RESET) {
            ctx.request().connection().close();
            return;
        }
        // what the gateway in front of the AOS sends when the AOS answer does not reach it
        ctx.response().setStatusCode(502).putHeader("Content-Type", "text/html")
                .end("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
    }

    private static void answer(RoutingContext ctx, String base, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", base + "/data/$metadata#" + (value instanceof Boolean ? "Edm.Boolean" : "Edm.String"));
        body.put("value", value);
        try {
            ODataService.send(ctx, 200, "application/json; odata.metadata=minimal", MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An execution id like D365's: the project, a timestamp and a GUID. */
    static String newExecutionId(String project) {
        return project + "-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
                + "-" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static boolean isKnownLabel(String label) {
        return EntityCatalog.byLabel(label).isPresent();
    }
}
