package io.github.d365bridge.sandbox.d365.odata;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.D365SandboxData;
import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;
import io.github.d365bridge.sandbox.d365.rules.RuleViolation;
import io.github.d365bridge.sandbox.d365.rules.WriteRules;
import io.github.d365bridge.sandbox.d365.store.EntityTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The OData entity sets under {@code /data/}: collection reads with paging, key reads, creates,
 * updates and deletes, {@code /$count}, the service document and a small {@code $metadata}.
 */
public final class ODataService {

    private final D365SandboxData data;
    private final WriteRules rules;
    private final int pageSize;
    private final CountCache counts = new CountCache();

    public ODataService(D365SandboxData data, WriteRules rules, int pageSize) {
        this.data = data;
        this.rules = rules;
        this.pageSize = pageSize;
    }

    /**
     * @param serviceBase the base URL of the mode the call came in (cloud or AD FS), without {@code /data}
     * @param rawPath     the raw path after {@code /data/}
     * @param company     the caller's default company
     */
    public void handle(RoutingContext ctx, String serviceBase, String rawPath, String company) {
        try {
            route(ctx, serviceBase, UrlText.decodePath(rawPath), company);
        } catch (ODataException e) {
            error(ctx, e);
        } catch (RuleViolation e) {
            error(ctx, ODataException.validation(e.getMessage()));
        }
    }

    private void route(RoutingContext ctx, String base, String path, String company) {
        HttpMethod method = ctx.request().method();
        if (path.isEmpty() || path.equals("$metadata")) {
            requireMethod(method, HttpMethod.GET);
            if (path.isEmpty()) {
                send(ctx, 200, ODataJson.CONTENT_TYPE, serviceDocument(base).getBytes(StandardCharsets.UTF_8));
            } else {
                send(ctx, 200, "application/xml", MetadataDocument.xml().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        int cut = indexOfAny(path, "(/");
        String setName = cut < 0 ? path : path.substring(0, cut);
        String rest = cut < 0 ? "" : path.substring(cut);
        EntitySchema schema = EntityCatalog.bySetName(setName).orElseThrow(() -> ODataException.notFound(
                "Resource not found for the segment '" + setName + "'."));
        EntityTable table = data.table(setName);
        Map<String, String> params = params(ctx);
        if (rest.isEmpty() || rest.equals("/")) {
            if (method == HttpMethod.GET) {
                readCollection(ctx, base, schema, table, params, company);
            } else if (method == HttpMethod.POST) {
                create(ctx, base, schema, company);
            } else {
                throw methodNotAllowed(method);
            }
        } else if (rest.equals("/$count")) {
            requireMethod(method, HttpMethod.GET);
            QueryOptions q = QueryOptions.parse(params, schema);
            long n = QueryExecutor.execute(table, new QueryOptions(q.filter(), null, List.of(), null, 0, true,
                    q.crossCompany(), null), company, 1, counts, countKey(setName, params, company)).count();
            send(ctx, 200, "text/plain", Long.toString(n).getBytes(StandardCharsets.UTF_8));
        } else if (rest.startsWith("(") && rest.endsWith(")")) {
            List<Object> key = KeyPredicate.parse(rest.substring(1, rest.length() - 1), schema);
            entity(ctx, base, schema, table, key, params, company);
        } else {
            throw ODataException.notFound("Resource not found for the segment '" + rest + "'.");
        }
    }

    private void readCollection(RoutingContext ctx, String base, EntitySchema schema, EntityTable table,
            Map<String, String> params, String company) {
        QueryOptions q = QueryOptions.parse(params, schema);
        QueryExecutor.Page page = QueryExecutor.execute(table, q, company, pageSize, counts,
                countKey(schema.setName(), params, company));
        String nextLink = page.nextToken() == null ? null : nextLink(base, schema, params, page.nextToken());
        HttpServerResponse response = ctx.response();
        response.setStatusCode(200).putHeader("Content-Type", ODataJson.CONTENT_TYPE).putHeader("OData-Version", "4.0");
        ResponseStream out = new ResponseStream(response);
        try {
            ODataJson.collection(out, base, schema, q.select(), page, nextLink);
        } catch (RuntimeException e) {
            if (out.abort()) {
                throw e;
            }
            return;
        }
        out.close();
    }

    private void entity(RoutingContext ctx, String base, EntitySchema schema, EntityTable table, List<Object> key,
            Map<String, String> params, String company) {
        boolean crossCompany = "true".equalsIgnoreCase(params.get("cross-company"));
        // Without cross-company the service only sees the caller's company, even for a key naming another one
        Map<String, Object> row = table.find(key)
                .filter(r -> crossCompany || !schema.isPerCompany()
                        || company.equalsIgnoreCase((String) r.get("dataAreaId")))
                .orElseThrow(() -> ODataException.notFound("No resources were found when selecting for "
                        + schema.setName() + " with the specified key."));
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET) {
            List<Field> select = QueryOptions.select(params.get("$select"), schema);
            send(ctx, 200, ODataJson.CONTENT_TYPE, ODataJson.entity(base, schema, select, row));
            return;
        }
        checkIfMatch(ctx, schema, row);
        if (method == HttpMethod.PATCH) {
            rules.update(schema, row, BodyReader.read(ctx.body().asString(), schema));
        } else if (method == HttpMethod.DELETE) {
            rules.delete(schema, row);
        } else {
            throw methodNotAllowed(method);
        }
        ctx.response().setStatusCode(204).putHeader("OData-Version", "4.0").end();
    }

    private void create(RoutingContext ctx, String base, EntitySchema schema, String company) {
        Map<String, Object> row = rules.create(schema, BodyReader.read(ctx.body().asString(), schema), company);
        String location = base + "/data/" + schema.setName() + UrlText.encodeKeySegment(KeyPredicate.format(schema, row));
        ctx.response().putHeader("Location", location).putHeader("OData-EntityId", location);
        String prefer = ctx.request().getHeader("Prefer");
        if (prefer != null && prefer.contains("return=minimal")) {
            ctx.response().setStatusCode(204).putHeader("OData-Version", "4.0").end();
            return;
        }
        send(ctx, 201, ODataJson.CONTENT_TYPE, ODataJson.entity(base, schema, null, row));
    }

    private static void checkIfMatch(RoutingContext ctx, EntitySchema schema, Map<String, Object> row) {
        String ifMatch = ctx.request().getHeader("If-Match");
        if (ifMatch != null && !ifMatch.trim().equals("*") && !ifMatch.trim().equals(ODataJson.etag(schema, row))) {
            throw new ODataException(412, "The ETag value in the request header does not match with the current"
                    + " ETag value of the object.", "Microsoft.OData.ODataException");
        }
    }

    private static String nextLink(String base, EntitySchema schema, Map<String, String> params, String token) {
        StringBuilder link = new StringBuilder(base).append("/data/").append(schema.setName()).append('?');
        params.forEach((name, value) -> {
            if (!name.equals("$skiptoken")) {
                link.append(name).append('=').append(UrlText.encode(value)).append('&');
            }
        });
        return link.append("$skiptoken=").append(token).toString();
    }

    /** What a count depends on besides the rows: set, filter, company scope. */
    private static String countKey(String setName, Map<String, String> params, String company) {
        return setName + '\u0001' + params.get("$filter") + '\u0001' + params.get("cross-company") + '\u0001' + company;
    }

    private static String serviceDocument(String base) {
        StringBuilder json = new StringBuilder("{\"@odata.context\":\"").append(base).append("/data/$metadata\",\"value\":[");
        List<EntitySchema> all = EntityCatalog.all();
        for (int i = 0; i < all.size(); i++) {
            String name = all.get(i).setName();
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append("\",\"kind\":\"EntitySet\",\"url\":\"")
                    .append(name).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParams().forEach(entry -> params.putIfAbsent(entry.getKey(), entry.getValue()));
        return params;
    }

    private static void requireMethod(HttpMethod actual, HttpMethod expected) {
        if (!actual.equals(expected)) {
            throw methodNotAllowed(actual);
        }
    }

    private static ODataException methodNotAllowed(HttpMethod method) {
        return new ODataException(405, "The requested resource does not support http method '" + method + "'.",
                "System.Web.Http.HttpResponseException");
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public static void error(RoutingContext ctx, ODataException e) {
        send(ctx, e.status(), "application/json; odata.metadata=minimal",
                ODataJson.error(e.getMessage(), e.type()));
    }

    public static void send(RoutingContext ctx, int status, String contentType, byte[] body) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status).putHeader("Content-Type", contentType).putHeader("OData-Version", "4.0")
                .end(Buffer.buffer(body));
    }
}
