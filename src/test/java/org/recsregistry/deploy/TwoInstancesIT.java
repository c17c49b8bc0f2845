package org.recsregistry.deploy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two replicas, one database: instance A is this @QuarkusTest with its embedded PostgreSQL;
 * instance B is the packaged application (target/quarkus-app/quarkus-run.jar) in its own JVM,
 * pointed at A's database through QUARKUS_DATASOURCE_*. What one writes, the other serves: its
 * change feed, its long polls (woken by LISTEN/NOTIFY across instances) and its conditional GETs.
 *
 * <p>Runs in the integration-test phase (failsafe), after the jar is built.
 */
@QuarkusTest
class TwoInstancesIT {

    private static final String RECORD = "coi-2014-90-a";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process instanceB;
    private static URI rootB;
    private static Path logB;

    @TestHTTPResource("/")
    URL rootA;

    @BeforeEach
    void startInstanceB() throws Exception {
        if (instanceB == null) {
            launchB();
        }
    }

    @AfterAll
    static void stopInstanceB() throws InterruptedException {
        if (instanceB != null) {
            instanceB.destroy();
            if (!instanceB.waitFor(15, TimeUnit.SECONDS)) {
                instanceB.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            assertFalse(instanceB.isAlive(), "instance B still runs");
            instanceB = null;
        }
    }

    @Test
    void bothInstancesServeTheSameRegistry() throws Exception {
        HttpResponse<String> a = get(a("api/v1/recommendations/" + RECORD), Map.of());
        HttpResponse<String> b = get(rootB.resolve("api/v1/recommendations/" + RECORD), Map.of());
        assertEquals(200, a.statusCode());
        assertEquals(200, b.statusCode(), "B imported nothing (REGISTRY_DATASET_IMPORT=never) yet serves A's data");
        assertEquals(a.headers().firstValue("ETag"), b.headers().firstValue("ETag"));
        assertEquals(feedHead(a("")), feedHead(rootB));
    }

    @Test
    void aWriteOnBAppearsInTheChangeFeedOfA() throws Exception {
        long head = feedHead(a(""));
        writeOnB("Written on B for the feed of A.");
        HttpResponse<String> page = get(a("api/v1/changes?since=" + head), Map.of());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("\"recommendationId\":\"" + RECORD + "\""), page.body());
        assertTrue(feedHead(a("")) > head);
    }

    @Test
    void aLongPollOnAWakesWhenBWrites() throws Exception {
        long head = feedHead(a(""));
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(
                HttpRequest.newBuilder(a("api/v1/changes?wait=20&since=" + head)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1000);
        assertFalse(poll.isDone(), "the long poll on A should be held while nothing changes");
        writeOnB("Written on B while A holds a long poll.");
        HttpResponse<String> answer = poll.get(25, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains(RECORD), answer.body());
        assertTrue(seconds < 10, "A answered after " + seconds + " s: NOTIFY from B's write did not wake it (wait was 20 s)");
    }

    @Test
    void conditionalGetsOnASeeBsWrites() throws Exception {
        URI record = a("api/v1/recommendations/" + RECORD);
        String recordTag = get(record, Map.of()).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(record, Map.of("If-None-Match", recordTag)).statusCode());
        String statsTag = get(a("api/v1/stats"), Map.of()).headers().firstValue("ETag").orElseThrow();
        long head = feedHead(a(""));
        URI feed = a("api/v1/changes?since=" + head);
        String feedTag = get(feed, Map.of()).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(feed, Map.of("If-None-Match", feedTag)).statusCode());

        writeOnB("Written on B; A's validators must move.");

        // A keeps the revision and the feed head in memory, moved by B's NOTIFY: A follows B within
        // the notification's latency (milliseconds), not at the instant B answers.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        HttpResponse<String> fresh;
        do {
            fresh = get(record, Map.of("If-None-Match", recordTag));
            if (fresh.statusCode() == 304) {
                Thread.sleep(20);
            }
        } while (fresh.statusCode() == 304 && System.nanoTime() < deadline);
        assertEquals(200, fresh.statusCode(), "A kept answering 304 for a record B changed");
        assertTrue(fresh.body().contains("Written on B; A's validators must move."), "A served its cached copy");
        assertNotEquals(statsTag, get(a("api/v1/stats"), Map.of()).headers().firstValue("ETag").orElseThrow(),
                "A's registry revision did not move");
        int status;
        do {
            status = get(feed, Map.of("If-None-Match", feedTag)).statusCode();
            if (status == 304) {
                Thread.sleep(100);
            }
        } while (status == 304 && System.nanoTime() < deadline);
        assertEquals(200, status, "A's feed kept answering 304 after B wrote");
    }

    private URI a(String path) {
        return URI.create(rootA.toString()).resolve(path);
    }

    /** The feed head an instance reports, from the ETag of its change feed. */
    private static long feedHead(URI root) throws Exception {
        HttpResponse<String> page = get(root.resolve("api/v1/changes?limit=1&since=0"), Map.of());
        assertEquals(200, page.statusCode());
        return Long.parseLong(page.headers().firstValue("ETag").orElseThrow().replaceAll("\\D", ""));
    }

    /** Changes the record's summary through instance B's API, as a curator would. */
    private static void writeOnB(String summary) throws Exception {
        URI record = rootB.resolve("api/v1/recommendations/" + RECORD);
        String tag = get(record, Map.of()).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(record)
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", tag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"summary\":\"" + summary + "\"}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, patched.statusCode(), patched.body());
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String adminToken() {
        return ConfigProvider.getConfig().getValue("registry.admin-token", String.class);
    }

    private static void launchB() throws Exception {
        Path jar = Path.of(System.getProperty("registry.it.runner-jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run ./mvnw verify (the jar is built in package)");
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path workDir = Files.createDirectories(Path.of("target/instance-b").toAbsolutePath());
        logB = workDir.resolve("instance-b.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logB.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("REGISTRY_") || k.startsWith("MP_JWT_"));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"));
        config.getOptionalValue("quarkus.datasource.password", String.class).filter(p -> !p.isEmpty())
                .ifPresent(p -> env.put("QUARKUS_DATASOURCE_PASSWORD", p));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("REGISTRY_DB_EMBEDDED", "false");
        env.put("REGISTRY_DATASET_IMPORT", "never");
        env.put("REGISTRY_ADMIN_TOKEN", adminToken());
        instanceB = builder.start();
        Process started = instanceB;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "kill-instance-b"));
        rootB = URI.create("http://localhost:" + port + "/");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!instanceB.isAlive()) {
                fail("instance B exited with " + instanceB.exitValue() + ":\n" + tail(logB));
            }
            try {
                if (get(rootB.resolve("q/health/ready"), Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("instance B was not ready within 60 s:\n" + tail(logB));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
