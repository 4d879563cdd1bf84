package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.storage.BlobLeaseLocks;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.TestAzurite;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Standalone instances on one storage account (real Azurite) with the same timer, each with its own storage
 * clients, its own {@link TimerSingleton} and its own scheduler job on the real NCRONTAB scheduler, as
 * {@link StandaloneRuntime} schedules it: every occurrence runs on one of them only, also on an instance
 * whose clock is behind, and when the one running an occurrence dies the other takes over once the lease
 * has lapsed.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class TimerSingletonTest {

    private static final Duration LEASE = Duration.ofSeconds(15);

    @Inject
    Scheduler scheduler;
    @Inject
    StorageAccount storage;

    private final String locksContainer = TestAzurite.uniqueName("timer-locks");
    private final String timer = TestAzurite.uniqueName("tick");
    private final List<Instance> instances = new ArrayList<>();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final CountDownLatch hung = new CountDownLatch(1);

    @AfterEach
    void stopInstances() {
        hung.countDown();
        instances.forEach(Instance::stop);
        await("the occurrences under way finished").atMost(Duration.ofSeconds(10))
                .until(() -> instances.stream().allMatch(i -> i.running.get() == 0));
        instances.forEach(i -> i.singleton.close());
    }

    @Test
    void everyOccurrenceRunsOnExactlyOneOfThreeInstances() {
        AtomicInteger workDone = new AtomicInteger();
        Instance a = start("a", "*/2 * * * * *", workDone::incrementAndGet);
        Instance b = start("b", "*/2 * * * * *", workDone::incrementAndGet);
        // Its clock runs behind: it comes when the first has finished and released the lease, and must
        // see from the note on the lock blob that this occurrence already ran.
        Instance late = start("late", "*/2 * * * * *", workDone::incrementAndGet, Duration.ofMillis(300));

        await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() >= 5);
        List.of(a, b, late).forEach(Instance::stop);
        await("the occurrences under way finished").atMost(Duration.ofSeconds(5))
                .until(() -> a.running.get() == 0 && b.running.get() == 0 && late.running.get() == 0);

        Set<Instant> fired = new HashSet<>(a.fired);
        fired.addAll(b.fired);
        fired.addAll(late.fired);
        assertThat(runs).extracting(Run::occurrence).doesNotHaveDuplicates()
                .as("every occurrence an instance fired for ran").containsExactlyInAnyOrderElementsOf(fired);
        assertThat(workDone).hasValue(runs.size());
        assertThat(a.fired).as("the instances competed for the same occurrences").hasSizeGreaterThanOrEqualTo(4)
                .containsAnyElementsOf(b.fired).containsAnyElementsOf(late.fired);
    }

    @Test
    void whenTheInstanceRunningAnOccurrenceDiesTheOtherTakesOverOnceTheLeaseLapses() {
        AtomicBoolean first = new AtomicBoolean(true);
        Runnable work = () -> {
            if (first.getAndSet(false)) {
                hang(); // the instance stops answering in the middle of this occurrence
            }
        };
        Instance a = start("a", "*/1 * * * * *", work);
        Instance b = start("b", "*/1 * * * * *", work);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);
        Instance holder = runs.get(0).instance().equals("a") ? a : b;
        Instance other = holder == a ? b : a;
        await("the other instance skips while the holder runs").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4)).until(() -> runs.size() == 1);

        holder.die();
        long diedAt = System.nanoTime();
        await("the other instance takes over within the lease").atMost(LEASE.plusSeconds(3))
                .until(() -> runs.stream().anyMatch(r -> r.instance().equals(other.name)));
        Duration takeover = Duration.ofNanos(System.nanoTime() - diedAt);

        // Not released by the dead holder: the lease (taken about 3 s before) kept the other out until it lapsed.
        assertThat(takeover).isGreaterThan(Duration.ofSeconds(5));
        assertThat(runs).extracting(Run::occurrence).doesNotHaveDuplicates();
    }

    @Test
    void anOccurrenceRunningLongerThanTheLeaseKeepsItAndTheOthersSkip() {
        AtomicBoolean first = new AtomicBoolean(true);
        Runnable work = () -> {
            if (first.getAndSet(false)) {
                hang();
            }
        };
        start("a", "*/1 * * * * *", work);
        start("b", "*/1 * * * * *", work);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() == 1);

        // Past the lease duration: only renewals keep the second instance from running an occurrence meanwhile.
        await("no occurrence runs while the long one holds the renewed lease").during(LEASE.plusSeconds(2))
                .atMost(LEASE.plusSeconds(3)).until(() -> runs.size() == 1);
        hung.countDown();
        await("occurrences run again once it released the lease").atMost(Duration.ofSeconds(5))
                .until(() -> runs.size() > 1);
        assertThat(runs).extracting(Run::occurrence).doesNotHaveDuplicates();
    }

    /** An instance whose clock is behind fires each occurrence that much later. */
    private static void behind(Duration lag) {
        try {
            Thread.sleep(lag.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hang() {
        try {
            hung.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One instance: its own storage clients, lease holder and scheduler job for the shared timer. */
    private Instance start(String name, String cron, Runnable work) {
        return start(name, cron, work, Duration.ZERO);
    }

    private Instance start(String name, String cron, Runnable work, Duration clockBehind) {
        TimerSingleton singleton = new TimerSingleton(
                new BlobLeaseLocks(new StorageAccount(storage.connectionString()), locksContainer), LEASE);
        Instance instance = new Instance(name, timer + "-" + name, singleton);
        instances.add(instance);
        scheduler.newJob(instance.job).setCron(cron).setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    Instant occurrence = execution.getScheduledFireTime();
                    instance.fired.add(occurrence);
                    instance.running.incrementAndGet();
                    try {
                        behind(clockBehind);
                        singleton.runOnce(timer, occurrence, () -> {
                            runs.add(new Run(name, occurrence));
                            work.run();
                        });
                    } finally {
                        instance.running.decrementAndGet();
                    }
                }).schedule();
        return instance;
    }

    private record Run(String instance, Instant occurrence) {
    }

    private final class Instance {
        private final String name;
        private final String job;
        private final TimerSingleton singleton;
        private final Set<Instant> fired = ConcurrentHashMap.newKeySet();
        private final AtomicInteger running = new AtomicInteger();

        private Instance(String name, String job, TimerSingleton singleton) {
            this.name = name;
            this.job = job;
            this.singleton = singleton;
        }

        /** Its scheduler stops; what runs finishes and lets go of its lease. */
        void stop() {
            scheduler.unscheduleJob(job);
        }

        /** Killed: no more firing, no more renewals, no release. */
        void die() {
            scheduler.unscheduleJob(job);
            singleton.halt();
            singleton.close();
        }
    }
}
