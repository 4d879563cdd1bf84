package io.github.d365bridge.sandbox.d365.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The DMF faults that act and then lose the answer, the job that finishes after the caller's deadline,
 * and the call listener a chaos test kills the bridge from: each on its own, against a real sandbox.
 */
class DmfAnswerLossAndLateJobTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;
    private static DmfClient dmf;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .storageConnectionString(TestAzurite.storage().connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf")).build());
        http = new SandboxHttp(sandbox);
        http.token();
        dmf = new DmfClient(http);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.faults().removeListeners();
    }

    @Test
    void anImportWhoseAnswerIsResetStillRunsAndImportsItsRows() {
        sandbox.faults().loseAnswers("ImportFromPackage", 0, 1, AnswerLoss.How.RESET);
        String reference = "lost-" + System.nanoTime();
        String url = uploaded(reference);
        assertThatThrownBy(() -> importWithId(url, "chaos-reset-" + reference)).isInstanceOf(UncheckedIOException.class);
        assertThat(dmf.awaitFinished("chaos-reset-" + reference)).isEqualTo("Succeeded");
        assertThat(headersWith(reference)).hasSize(1);
        assertThat(sandbox.faults().injected()).containsEntry("answerLost", 1L)
                .containsEntry("answerLost.ImportFromPackage", 1L);
        String next = "next-" + System.nanoTime();
        assertThat(importWithId(uploaded(next), "chaos-next-" + next).statusCode()).as("only the next one").isEqualTo(200);
    }

    @Test
    void anImportWhoseAnswerIsA502StillRuns() {
        sandbox.faults().loseAnswers("ImportFromPackage", 100, 0, AnswerLoss.How.BAD_GATEWAY);
        String reference = "gateway-" + System.nanoTime();
        HttpResponse<String> response = importWithId(uploaded(reference), "chaos-502-" + reference);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Bad Gateway");
        assertThat(dmf.awaitFinished("chaos-502-" + reference)).isEqualTo("Succeeded");
        assertThat(headersWith(reference)).hasSize(1);
    }

    @Test
    void aWriteUrlWhoseAnswerIsLostWasIssuedAndTheNextOneIsAnswered() {
        sandbox.faults().loseAnswers("GetAzureWriteUrl", 0, 2, AnswerLoss.How.RESET);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> http.dmf("GetAzureWriteUrl", "{\"uniqueFileName\":\"a.zip\"}"))
                    .isInstanceOf(UncheckedIOException.class);
        }
        assertThat(dmf.writeUrl("b.zip")).contains("b.zip");
        assertThat(sandbox.faults().injected()).containsEntry("answerLost.GetAzureWriteUrl", 2L);
    }

    @Test
    void aShareOfAnswersIsLostBySeededDraw() {
        sandbox.faults().loseAnswers("GetExecutionSummaryStatus", 50, 0, AnswerLoss.How.BAD_GATEWAY);
        int lost = 0;
        for (int i = 0; i < 60; i++) {
            int status = http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"missing\"}").statusCode();
            lost += status == 502 ? 1 : 0; // a refused lookup is not carried out, so its answer is never lost
        }
        assertThat(lost).as("refused calls do not count as lost answers").isZero();
        String executionId = DmfTestAccess.importOrders(http);
        for (int i = 0; i < 60; i++) {
            lost += http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"" + executionId + "\"}").statusCode() == 502
                    ? 1 : 0;
        }
        assertThat(lost).isBetween(15, 45);
        assertThat(sandbox.faults().injected().get("answerLost")).isEqualTo(lost);
    }

    @Test
    void aLateJobStaysExecutingPastItsRunTimeThenSucceedsWithItsRows() {
        sandbox.faults().lateDmfJobs(1, 0, Duration.ofMillis(1500));
        String reference = "late-" + System.nanoTime();
        long start = System.nanoTime();
        importWithId(uploaded(reference), "chaos-late-" + reference);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1400)).pollInterval(Duration.ofMillis(50))
                .until(() -> dmf.status("chaos-late-" + reference).equals("Executing"));
        assertThat(dmf.awaitFinished("chaos-late-" + reference)).isEqualTo("Succeeded");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1500);
        assertThat(headersWith(reference)).hasSize(1);
        assertThat(sandbox.faults().injected()).containsEntry("lateJob", 1L);
        String onTime = DmfTestAccess.importOrders(http);
        long begin = System.nanoTime();
        assertThat(dmf.awaitFinished(onTime)).isEqualTo("Succeeded");
        assertThat((System.nanoTime() - begin) / 1_000_000).as("only the next job is late").isLessThan(1000);
    }

    @Test
    void listenersSeeActionsWithTheirAnswerBeforeItIsSent() {
        List<String> seen = new CopyOnWriteArrayList<>();
        sandbox.faults().onCall((operation, detail) -> seen.add(operation + "=" + detail));
        String executionId = DmfTestAccess.importOrders(http);
        assertThat(dmf.awaitFinished(executionId)).isEqualTo("Succeeded");
        http.get("/data/SalesOrderHeadersV2?$top=1");
        assertThat(seen).contains("ImportFromPackage=" + executionId, "GetExecutionSummaryStatus=Succeeded",
                "GET SalesOrderHeadersV2=");
        assertThat(seen.stream().filter(s -> s.startsWith("GetAzureWriteUrl=")).count()).isEqualTo(1);
    }

    private static String uploaded(String reference) {
        String url = dmf.writeUrl("pkg-" + reference + ".zip");
        byte[] zip = TestPackages.orders(List.of(TestPackages.header("T", "US-000001", reference)),
                List.of(TestPackages.line("T", 1, "P000003", "1", "1")));
        assertThat(dmf.upload(url, zip)).isEqualTo(201);
        return url;
    }

    private static HttpResponse<String> importWithId(String url, String executionId) {
        return http.dmf("ImportFromPackage", "{\"packageUrl\":\"" + url + "\",\"definitionGroupId\":\"SalesOrderImport\","
                + "\"executionId\":\"" + executionId + "\",\"execute\":true,\"overwrite\":true,\"legalEntityId\":\"usmf\"}");
    }

    private static List<?> headersWith(String reference) {
        return sandbox.data().rows("SalesOrderHeadersV2", r -> reference.equals(r.get("CustomersOrderReference")));
    }
}
