package io.github.d365bridge.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;

import io.github.d365bridge.config.CommerceConfig;
import io.github.d365bridge.config.ConfigValidator;
import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.config.MappingConfig;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.flow.catalog.CatalogSyncConfig;
import io.github.d365bridge.flow.catalog.PriceSyncConfig;
import io.github.d365bridge.flow.customers.sync.CustomerSyncConfig;
import io.github.d365bridge.flow.dmf.DmfConfig;
import io.github.d365bridge.flow.sync.SyncConfig;
import io.github.d365bridge.runtime.QueuePump;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Reads the Functions app that {@code ./mvnw package} generated and checks what the host will see:
 * our host.json (bundle, queue semantics equal to the standalone runtime's defaults), one function.json
 * per {@code @FunctionName}, bindings that reference app settings instead of literals, and the
 * infrastructure templates that must set those settings and the order flow's configuration.
 */
class FunctionsPackageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SETTING = Pattern.compile("^%([A-Za-z0-9_]+)%$");
    private static Path app;

    @BeforeAll
    static void locateApp() {
        app = Path.of(System.getProperty("functions.app.dir", "target/azure-functions/d365-commerce-bridge"));
        assertThat(app).as("generated Functions app (run ./mvnw package)").isDirectory();
    }

    @Test
    void hostJsonIsOursWithTheSameQueueSemanticsAsTheStandaloneRuntime() throws IOException {
        JsonNode host = JSON.readTree(app.resolve("host.json").toFile());
        RuntimeConfig.Queues defaults = new SmallRyeConfigBuilder().withMapping(RuntimeConfig.class).build()
                .getConfigMapping(RuntimeConfig.class).queues();

        assertThat(host.at("/version").asText()).isEqualTo("2.0");
        assertThat(host.at("/extensionBundle/version").asText()).isEqualTo("[4.*, 5.0.0)");
        JsonNode queues = host.at("/extensions/queues");
        assertThat(queues.path("messageEncoding").asText()).isEqualTo("base64");
        assertThat(queues.path("batchSize").asInt()).isEqualTo(defaults.batchSize());
        assertThat(queues.path("newBatchThreshold").asInt()).isEqualTo(QueuePump.newBatchThreshold(defaults));
        assertThat(queues.path("maxDequeueCount").asInt()).isEqualTo(defaults.maxDequeueCount());
        assertThat(timeSpan(queues.path("visibilityTimeout").asText())).isEqualTo(defaults.visibilityTimeout());
        assertThat(timeSpan(queues.path("maxPollingInterval").asText())).isEqualTo(defaults.maxPollingInterval());
    }

    @Test
    void everyFunctionNameHasItsFunctionJsonWithTheExpectedBindings() throws Exception {
        assertThat(functionFolders()).containsExactlyInAnyOrderElementsOf(declaredFunctionNames());

        JsonNode timer = binding("HousekeepingTimer");
        assertThat(timer.path("type").asText()).isEqualTo("timerTrigger");
        assertThat(timer.path("schedule").asText()).isEqualTo("%HOUSEKEEPING_SCHEDULE%");
        JsonNode sweep = binding("HousekeepingSweep");
        assertThat(sweep.path("type").asText()).isEqualTo("queueTrigger");
        assertThat(sweep.path("queueName").asText()).isEqualTo("%HOUSEKEEPING_QUEUE%");
        assertThat(sweep.path("connection").asText()).isEqualTo("AzureWebJobsStorage");
        JsonNode http = binding("QuarkusHttp");
        assertThat(http.path("type").asText()).isEqualTo("httpTrigger");
        assertThat(http.path("route").asText()).isEqualTo("{*path}");
        // anonymous at the host: every endpoint authenticates itself (operator key, signatures)
        assertThat(http.path("authLevel").asText()).isEqualToIgnoringCase("anonymous");
    }

    @Test
    void queueNamesAndSchedulesAreAppSettingsThatAreDocumentedAndDefaulted() throws IOException {
        Set<String> referenced = new HashSet<>();
        for (String function : functionFolders()) {
            JsonNode definition = JSON.readTree(app.resolve(function).resolve("function.json").toFile());
            assertThat(app.resolve(function).resolve(definition.path("scriptFile").asText())).isRegularFile();
            for (JsonNode binding : definition.path("bindings")) {
                for (String field : new String[] {"queueName", "schedule"}) {
                    if (binding.has(field)) {
                        Matcher m = SETTING.matcher(binding.path(field).asText());
                        assertThat(m.matches()).as(function + " " + field + " must reference an app setting").isTrue();
                        referenced.add(m.group(1));
                    }
                }
            }
        }
        JsonNode example = JSON.readTree(Path.of("functions/local.settings.example.json").toFile()).path("Values");
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            defaults.load(in);
        }
        String bicep = Files.readString(Path.of("infra/bicep/main.bicep"));
        String terraform = Files.readString(Path.of("infra/terraform/main.tf"));
        assertThat(referenced).isNotEmpty().allSatisfy(setting -> {
            assertThat(example.has(setting)).as(setting + " in functions/local.settings.example.json").isTrue();
            assertThat(defaults.getProperty(setting)).as(setting + " default in application.properties").isNotBlank();
            // On Azure the host resolves %SETTING% from app settings only: the infrastructure must set each one.
            assertThat(bicep).as(setting + " set by infra/bicep/main.bicep").containsPattern("\\b" + setting + "\\s*:");
            assertThat(terraform).as(setting + " set by infra/terraform/main.tf").containsPattern("\\b" + setting + "\\s*=");
        });
    }

    /**
     * The order intake, mapping profile and order flow settings are parameters of both templates, with the
     * application's own defaults (a template default that drifted would silently override the application's).
     * The list is derived from the config mappings, so a property added there fails this test until both
     * templates carry it; Commerce's store codes are named explicitly because the rest of CommerceConfig is
     * the connection and its credentials, which the templates set in their own sections, and client tuning
     * left at the application's defaults on purpose.
     */
    @Test
    void intakeMappingAndOrderSettingsAreTemplateParametersWithTheApplicationsDefaults() throws IOException {
        SmallRyeConfig application = applicationDefaults();
        List<InfraTemplates> templates = List.of(InfraTemplates.bicep(Path.of("infra/bicep/main.bicep")),
                InfraTemplates.terraform(Path.of("infra/terraform/main.tf"), Path.of("infra/terraform/variables.tf")));
        SoftAssertions softly = new SoftAssertions();
        Set<String> properties = new TreeSet<>();
        for (Class<?> mapping : TEMPLATE_MAPPINGS) {
            // "statuses[*]" names the elements of the list "statuses", which is one setting; state table names
            // are not parameters (infra/README.md says why)
            ConfigMappings.ConfigClass.configClass(mapping).getProperties().keySet().stream()
                    .filter(name -> !name.contains("[*]") && !name.endsWith("-table")).forEach(properties::add);
        }
        assertThat(properties).hasSizeGreaterThan(15);
        for (String property : properties) {
            String setting = ConfigValidator.appSetting(property);
            String expected = Optional.ofNullable(application.getConfigValue(property).getValue()).orElse("");
            for (InfraTemplates template : templates) {
                softly.assertThat(template.defaultOf(setting))
                        .as("%s set by %s from a parameter defaulting to '%s' (%s)", setting, template, expected, property)
                        .contains(expected);
            }
        }
        // bridge.commerce.store-codes."<id>" as an environment variable: BRIDGE_COMMERCE_STORE_CODES__<id>_
        String storeCodes = ConfigValidator.appSetting("bridge.commerce.store-codes.\"");
        Map<String, String> expectedCodes = application.getConfigMapping(CommerceConfig.class).storeCodes();
        for (InfraTemplates template : templates) {
            softly.assertThat(template.mapDefaultOf(storeCodes))
                    .as("%s<id>_ set by %s from a map parameter defaulting to %s", storeCodes, template, expectedCodes)
                    .contains(expectedCodes);
        }
        softly.assertAll();
    }

    /** What the application uses when no app setting says otherwise: mapping defaults and application.properties. */
    /** The config mappings whose every property both templates carry as a parameter. */
    private static final List<Class<?>> TEMPLATE_MAPPINGS = List.of(IntakeConfig.class, MappingConfig.class,
            OrderFlowConfig.class, DmfConfig.class, SyncConfig.class, CustomerSyncConfig.class, CatalogSyncConfig.class,
            PriceSyncConfig.class);

    private static SmallRyeConfig applicationDefaults() throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile("prod")
                .withSources(new PropertiesConfigSource(Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                .withMapping(CommerceConfig.class);
        TEMPLATE_MAPPINGS.forEach(builder::withMapping);
        return builder.build();
    }

    private static JsonNode binding(String function) throws IOException {
        return JSON.readTree(app.resolve(function).resolve("function.json").toFile()).path("bindings").get(0);
    }

    private static Set<String> functionFolders() throws IOException {
        try (Stream<Path> entries = Files.list(app)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("function.json")))
                    .map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Every @FunctionName in our compiled adapters, plus the catch-all HTTP function of the extension. */
    private static Set<String> declaredFunctionNames() throws Exception {
        Set<String> names = new HashSet<>(Set.of("QuarkusHttp"));
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("io/github/d365bridge/functions"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String className = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
                for (Method method : Class.forName(className, false, FunctionsPackageIT.class.getClassLoader())
                        .getDeclaredMethods()) {
                    FunctionName name = method.getAnnotation(FunctionName.class);
                    if (name != null) {
                        names.add(name.value());
                    }
                }
            }
        }
        return names;
    }

    /** Parses a .NET TimeSpan "hh:mm:ss" as used in host.json. */
    private static Duration timeSpan(String value) {
        String[] parts = value.split(":");
        Map<Integer, Long> unit = new HashMap<>(Map.of(0, 3600L, 1, 60L, 2, 1L));
        long seconds = 0;
        for (int i = 0; i < 3; i++) {
            seconds += Long.parseLong(parts[i]) * unit.get(i);
        }
        return Duration.ofSeconds(seconds);
    }
}
