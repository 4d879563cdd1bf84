package io.github.d365bridge.sandbox.d365;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The sandbox must never be served by the production Functions app: no class of it may be a CDI
 * bean, JAX-RS resource or Functions entry point, so Quarkus never discovers it.
 */
class SandboxIsolationTest {

    @Test
    void noSandboxClassCarriesCdiJaxRsOrFunctionsAnnotations() throws IOException, ClassNotFoundException {
        // the sandbox is compiled with the test sources (src/sandbox), so its classes are in test-classes
        Path classesRoot = Path.of("target/test-classes");
        Path root = classesRoot.resolve("io/github/d365bridge/sandbox/d365");
        List<String> offenders = new ArrayList<>();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).hasSizeGreaterThan(40);
        for (Path file : classes) {
            String name = classesRoot.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type));
            for (Method method : type.getDeclaredMethods()) {
                elements.add(method);
            }
            for (AnnotatedElement element : elements) {
                for (Annotation annotation : element.getAnnotations()) {
                    String annotationType = annotation.annotationType().getName();
                    if (annotationType.startsWith("jakarta.enterprise") || annotationType.startsWith("jakarta.inject")
                            || annotationType.startsWith("jakarta.ws.rs") || annotationType.startsWith("io.quarkus")
                            || annotationType.startsWith("com.microsoft.azure.functions")) {
                        offenders.add(name + " @" + annotationType);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
