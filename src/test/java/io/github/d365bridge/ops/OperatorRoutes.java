package io.github.d365bridge.ops;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The operator routes as the application deploys them: every JAX-RS resource bean of the running
 * application, its {@code @Path} and the HTTP-method annotations of its methods, resolved to concrete
 * paths with sample path parameters. Nothing is listed by hand, so a route added later is covered by
 * the tests that use this without anyone remembering to.
 */
final class OperatorRoutes {

    /** Below the root path ({@code /api}), as the resources declare it. */
    static final String ROOT = "/ops";

    /**
     * Samples chosen so a call with the right key is answered by the resource without changing anything
     * (an unknown queue, order and cross-reference entry; an empty body).
     */
    private static final Map<String, String> SAMPLES = Map.of(
            "queue", "no-such-queue",
            "key", "default:NO-SUCH-ORDER",
            "legalEntity", "usmf",
            "kind", "customer",
            "id", "900000001");
    private static final String DEFAULT_SAMPLE = "sample1";
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");

    /** One route: an HTTP method on a template, and the template with sample parameters. */
    record Route(String method, String template, String path, String resource) {
        @Override
        public String toString() {
            return method + " " + template + " (" + resource + ")";
        }
    }

    private OperatorRoutes() {
    }

    static List<Route> of(BeanManager beans) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                resources.add(bean.getBeanClass());
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (httpMethod == null && methodPath == null) {
                    continue;
                }
                String template = join(classPath, methodPath == null ? "" : methodPath.value());
                if (!template.equals(ROOT) && !template.startsWith(ROOT + "/")) {
                    continue;
                }
                if (httpMethod == null) {
                    throw new IllegalStateException("Sub-resource locator " + resource.getSimpleName() + "."
                            + method.getName() + " under " + ROOT + ": enumerate its sub-resource here too");
                }
                routes.add(new Route(httpMethod, template, concrete(template), resource.getSimpleName()));
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String concrete(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(SAMPLES.getOrDefault(m.group(1), DEFAULT_SAMPLE)));
        }
        m.appendTail(path);
        return path.toString();
    }
}
