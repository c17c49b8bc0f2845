package org.recsregistry.db;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the embedded PostgreSQL (SIGKILL of the postmaster and its backends) while writers and
 * readers keep going, starts it again on the same port and data directory, and checks what
 * clients saw: 503 with Retry-After within a second and never a 500, reads from memory still
 * answered, every acknowledged write recorded exactly once, and service back within 5 s.
 * Owns its database (a profile with its own data directory), so the kill disturbs no other test.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final String ADMIN = "test-admin-token-0123456789abcdef0123456789";
    private static final String RECORD = "outage-record";
    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final Duration BEFORE = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    private static final Duration AFTER = Duration.ofSeconds(2);
    private static final String PAGE = "/api/v1/recommendations?limit=5";
    private static final long MAX_ANSWER_MILLIS = 1000;
    private static final long MAX_RECOVERY_MILLIS = 5000;
    private static final long RETRY_PAUSE_MILLIS = 100;
    private static final int MAX_ATTEMPTS = 300;
    private static final int MAX_OUTAGES_LOGGED = 3;
    private static final Pattern NOTE = Pattern.compile("\"note\":\"(outage [^\"]+)\"");

    /** A data directory of its own, so that this test's database is found, killed and restarted alone. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "outage-postgres-");
                return Map.of("registry.db.data-dir", dir.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One answer seen by a client. */
    record Answer(String kind, long startNanos, long millis, int status, String retryAfter, String etag, String body) {
    }

    @TestHTTPResource("/")
    URL root;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger writesInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean loading = true;
    private volatile boolean writersPaused;

    @Test
    void shouldAnswer503FastKeepWritesExactlyOnceAndRecover() throws Exception {
        String curator = issueToken("curator");
        // A record per writer: appends to one record from several writers at once conflict (412) by design.
        for (int i = 0; i < WRITERS; i++) {
            assertEquals(201, send("setup", post("/api/v1/recommendations", ADMIN, null, "{\"id\":\"" + record(i)
                    + "\",\"source\":\"coi-2014\",\"locator\":\"outage test " + i + "\",\"summary\":\"A test record.\","
                    + "\"addressees\":[\"CHN\"],\"themes\":[\"accountability\"]}")).status());
        }
        Captured logs = Captured.install();
        ExecutorService load = Executors.newFixedThreadPool(WRITERS + READERS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String record = record(i);
            clients.add(load.submit(() -> write(curator, record)));
        }
        for (int i = 0; i < READERS; i++) {
            int reader = i;
            clients.add(load.submit(() -> read(reader)));
        }
        Thread.sleep(BEFORE.toMillis());
        // The writers pause for a moment, so that the readers see (and cache) the revision the outage will keep.
        writersPaused = true;
        awaitNoWriteInFlight();
        assertEquals(200, send("prime", get(PAGE)).status());
        Postgres postgres = Postgres.of(Path.of(ConfigProvider.getConfig().getValue("registry.db.data-dir", String.class)));
        postgres.kill();
        long killed = System.nanoTime();
        writersPaused = false;
        Thread.sleep(OUTAGE.toMillis());
        HttpResponse<String> ready = http.send(get("/q/health/ready"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> live = http.send(get("/q/health/live"), HttpResponse.BodyHandlers.ofString());
        postgres.start();
        long restarted = System.nanoTime();
        long recovered = awaitFirstWriteAfter(restarted);
        Thread.sleep(AFTER.toMillis());
        loading = false;
        for (Future<?> client : clients) {
            client.get(30, TimeUnit.SECONDS);
        }
        load.shutdown();
        logs.remove();

        // Fail-fast is owed while the database is down; once it is started again, the first answers wait for its recovery.
        List<Answer> during = answers.stream()
                .filter(a -> a.startNanos() >= killed && a.startNanos() < restarted).toList();
        Map<Integer, Long> byStatus = new TreeMap<>();
        during.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        Map<String, Long> byKind = new TreeMap<>();
        during.forEach(a -> byKind.merge(a.kind() + " " + a.status(), 1L, Long::sum));
        long slowest = during.stream().mapToLong(Answer::millis).max().orElse(0);
        List<String> slowestFive = during.stream().sorted((a, b) -> Long.compare(b.millis(), a.millis())).limit(5)
                .map(a -> a.kind() + " " + a.status() + " " + a.millis() + " ms at +"
                        + (a.startNanos() - killed) / 1_000_000L + " ms").toList();
        long recoveryMillis = (recovered - restarted) / 1_000_000L;
        Map<String, Integer> recorded = recordedNotes();
        long lost = acknowledged.keySet().stream().filter(note -> !recorded.containsKey(note)).count();
        long doubled = recorded.values().stream().filter(times -> times > 1).count();
        System.out.printf("Outage figures: answers during the outage by status %s (%s), slowest %d ms, "
                        + "recovery %d ms after restart (restart at +%d ms), %d acknowledged writes, %d lost, "
                        + "%d doubled, %d recorded; slowest %s; log lines %s%n",
                byStatus, byKind, slowest, recoveryMillis, (restarted - killed) / 1_000_000L, acknowledged.size(),
                lost, doubled, recorded.size(), slowestFive, logs.summary());

        assertTrue(answers.stream().noneMatch(a -> a.status() >= 500 && a.status() != 503 || a.status() < 0),
                "no 500 and no request left unanswered: " + answers.stream()
                        .filter(a -> a.status() >= 500 && a.status() != 503 || a.status() < 0).limit(3).toList());
        assertTrue(byStatus.getOrDefault(503, 0L) > 0, "the outage was seen by clients");
        List<Answer> otherWrites = answers.stream().filter(a -> a.kind().equals("write"))
                .filter(a -> a.status() != 201 && a.status() != 503).toList();
        assertEquals(List.of(), otherWrites, "writes with a token looked up in the database: 201 or 503, never 401");
        assertTrue(byStatus.getOrDefault(304, 0L) + byStatus.getOrDefault(200, 0L) > 0,
                "reads answerable from memory kept being answered");
        for (Answer unavailable : answers.stream().filter(a -> a.status() == 503).toList()) {
            assertEquals("2", unavailable.retryAfter(), "Retry-After on every 503");
            assertTrue(unavailable.body().contains("/problems/unavailable")
                    && unavailable.body().contains("temporarily unavailable"), unavailable.body());
            assertFalse(unavailable.body().contains("SQL") || unavailable.body().contains("127.0.0.1"), unavailable.body());
        }
        assertTrue(slowest < MAX_ANSWER_MILLIS, "slowest answer during the outage: " + slowest + " ms");
        assertTrue(recoveryMillis < MAX_RECOVERY_MILLIS, "writes succeed again " + recoveryMillis + " ms after the restart");

        assertEquals(503, ready.statusCode());
        assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}",
                ready.body().replaceAll("\\s", ""));
        assertEquals(200, live.statusCode());
        assertFalse(live.body().contains("127.0.0.1") || live.body().contains("Connection"), live.body());

        assertTrue(acknowledged.size() > WRITERS, "writes were acknowledged: " + acknowledged.size());
        assertEquals(0, lost, "acknowledged writes lost");
        assertEquals(0, doubled, "writes recorded twice");
        assertEquals(acknowledged.size(), recorded.size(), "every recorded write was acknowledged once");

        // One WARN and one INFO per outage. On a starved machine the freshly restarted database may time out a
        // connection attempt or two, which counts as a short outage of its own: each must be closed by its INFO.
        long wentAway = logs.count(Level.WARNING, DatabaseAvailability.class);
        assertTrue(wentAway >= 1 && wentAway <= MAX_OUTAGES_LOGGED, "one WARN per outage: " + wentAway);
        assertEquals(wentAway, logs.count(Level.INFO, DatabaseAvailability.class), "one INFO when it came back");
        assertEquals(List.of(), logs.withStackTraces(), "no stack trace logged during the outage");
    }

    /** Records status events, each retried with its own Idempotency-Key until acknowledged. */
    private void write(String token, String record) {
        while (loading) {
            if (writersPaused) {
                pause();
                continue;
            }
            String note = "outage " + UUID.randomUUID();
            String body = "{\"addressee\":\"CHN\",\"status\":\"rejected\",\"effectiveDate\":\"2024-07-04\","
                    + "\"confidence\":\"high\",\"note\":\"" + note + "\","
                    + "\"evidence\":{\"kind\":\"media\",\"title\":\"Outage test\",\"excerpt\":\"Written under load.\"}}";
            String key = UUID.randomUUID().toString();
            writesInFlight.incrementAndGet();
            try {
                if (!writeOnce(token, record, note, body, key)) {
                    return;
                }
            } finally {
                writesInFlight.decrementAndGet();
            }
        }
    }

    /** Retries one write with its key until acknowledged; false when answered anything but 201 or 503. */
    private boolean writeOnce(String token, String record, String note, String body, String key) {
        for (int attempt = 0; ; attempt++) {
            Answer answer = send("write", post("/api/v1/recommendations/" + record + "/status-events", token, key, body));
            if (answer.status() == 201) {
                acknowledged.merge(note, 1, Integer::sum);
                return true;
            }
            if (answer.status() != 503 || attempt > MAX_ATTEMPTS) {
                return false;
            }
            pause();
        }
    }

    private void awaitNoWriteInFlight() throws InterruptedException {
        while (writesInFlight.get() > 0) {
            Thread.sleep(10);
        }
    }

    /** Cycles through a cached page, a conditional GET, a detail read and a filtered list. */
    private void read(int reader) {
        String etag = null;
        for (int i = 0; loading; i++) {
            switch ((i + reader) % 4) {
                case 0 -> {
                    Answer answer = send("cached read", get(PAGE));
                    if (answer.status() == 200) {
                        etag = answer.etag();
                    }
                }
                case 1 -> send("conditional read", etag == null ? get(PAGE)
                        : HttpRequest.newBuilder(uri(PAGE)).header("If-None-Match", etag).build());
                case 2 -> send("detail read", get("/api/v1/recommendations/" + record(reader % WRITERS)));
                default -> send("list read", get("/api/v1/recommendations?addressee=CHN&limit=" + (1 + i % 50)));
            }
        }
    }

    private long awaitFirstWriteAfter(long restarted) throws InterruptedException {
        long deadline = restarted + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            // When the first write that was acknowledged was sent: from then on, writes succeed again.
            long first = answers.stream().filter(a -> a.kind().equals("write") && a.status() == 201
                    && a.startNanos() > restarted).mapToLong(Answer::startNanos).min().orElse(Long.MAX_VALUE);
            if (first != Long.MAX_VALUE) {
                return first;
            }
            Thread.sleep(20);
        }
        return deadline;
    }

    /** How many times each test note is in the records' histories, read after the outage. */
    private Map<String, Integer> recordedNotes() throws InterruptedException {
        Map<String, Integer> notes = new HashMap<>();
        for (int i = 0; i < WRITERS; i++) {
            Answer read = send("check", get("/api/v1/recommendations/" + record(i)));
            for (int attempt = 0; read.status() != 200 && attempt < MAX_ATTEMPTS; attempt++) {
                Thread.sleep(RETRY_PAUSE_MILLIS);
                read = send("check", get("/api/v1/recommendations/" + record(i)));
            }
            assertEquals(200, read.status(), read.body());
            Matcher matcher = NOTE.matcher(read.body());
            while (matcher.find()) {
                notes.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        return notes;
    }

    private static String record(int writer) {
        return RECORD + "-" + writer;
    }

    private String issueToken(String role) {
        String body = send("setup", post("/api/v1/tokens", ADMIN, null,
                "{\"name\":\"outage " + role + "\",\"role\":\"" + role + "\"}")).body();
        Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(body);
        assertTrue(secret.find(), body);
        return secret.group(1);
    }

    private Answer send(String kind, HttpRequest request) {
        long start = System.nanoTime();
        int status;
        String retryAfter = null;
        String etag = null;
        String body = "";
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            etag = response.headers().firstValue("ETag").orElse(null);
            body = response.body();
        } catch (IOException e) {
            status = -1;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Answer answer = new Answer(kind, start, (System.nanoTime() - start) / 1_000_000L, status, retryAfter, etag,
                body);
        answers.add(answer);
        return answer;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build();
    }

    private HttpRequest post(String path, String token, String idempotencyKey, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return URI.create(root.toString()).resolve(path.substring(1));
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedded PostgreSQL of this test, found from its data directory's postmaster.pid. */
    record Postgres(Path dataDir, long pid, List<String> command, Map<String, String> environment, Path workDir) {

        static Postgres of(Path dataDir) throws IOException {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            Path proc = Path.of("/proc", Long.toString(pid));
            List<String> command = Arrays.asList(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8)
                    .split("\0"));
            Map<String, String> environment = new HashMap<>();
            for (String variable : Files.readString(proc.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
                int equals = variable.indexOf('=');
                if (equals > 0) {
                    environment.put(variable.substring(0, equals), variable.substring(equals + 1));
                }
            }
            return new Postgres(dataDir, pid, command, environment, Files.readSymbolicLink(proc.resolve("cwd")));
        }

        /** SIGKILL of the postmaster and every backend, as an OOM killer or a lost machine would. */
        void kill() throws Exception {
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> backends = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().get(10, TimeUnit.SECONDS);
            for (ProcessHandle backend : backends) {
                backend.onExit().get(10, TimeUnit.SECONDS);
            }
        }

        /** The same command on the same port and data directory; PostgreSQL recovers from its WAL. */
        void start() throws IOException {
            List<String> line = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; zonky starts it in a user namespace of its own, so do we.
                line.addAll(List.of("unshare", "-U"));
            }
            line.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.start();
        }
    }

    /** Log records of WARN and above, and DatabaseAvailability's own, while installed. */
    static final class Captured extends Handler {

        private final Queue<LogRecord> records = new ConcurrentLinkedQueue<>();

        static Captured install() {
            Captured captured = new Captured();
            captured.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(captured);
            return captured;
        }

        void remove() {
            Logger.getLogger("").removeHandler(this);
        }

        long count(Level level, Class<?> source) {
            return records.stream().filter(r -> r.getLevel().equals(level) && source.getName().equals(r.getLoggerName()))
                    .count();
        }

        List<String> withStackTraces() {
            return records.stream().filter(r -> r.getThrown() != null)
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
        }

        Map<String, Long> summary() {
            Map<String, Long> lines = new TreeMap<>();
            records.forEach(r -> lines.merge(r.getLevel() + " " + r.getLoggerName(), 1L, Long::sum));
            return lines;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    || DatabaseAvailability.class.getName().equals(record.getLoggerName())) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
