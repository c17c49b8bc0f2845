package org.recsregistry.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import org.recsregistry.db.DatabaseAvailability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The registry's revision, which moves on every write (database triggers bump it).
 *
 * <p>The revision is kept in memory while this instance follows the {@code registry_revision}
 * notifications (see {@code FeedNotifications}): then a conditional GET or a cached read costs no
 * database round trip. While it does not follow them (not yet connected, or the listening
 * connection broke) every read of the revision goes to the database, as before. A local write
 * reads the revision back from the database before it answers ({@link #fromDatabase()}), so that
 * the writer's own next read on this instance never sees the revision from before its write.
 *
 * <p>While the database cannot be reached nobody can write, so the revision last known stays
 * good and reads answerable from memory (304s, cached pages) keep being answered.
 */
@ApplicationScoped
public class RegistryState {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseAvailability availability;

    private final AtomicReference<Revision> known = new AtomicReference<>();
    private final List<Consumer<Revision>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean following;

    /**
     * One revision of the registry and when it was made; {@code httpDate} is that time as the
     * Last-Modified header writes it (IMF-fixdate), formatted once here: formatting a Date for each
     * answer cost the uncached list page about 4% of its time in the JVM.
     */
    public record Revision(long number, Instant modifiedAt, String httpDate) {

        private static final DateTimeFormatter HTTP_DATE =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

        public Revision(long number, Instant modifiedAt) {
            this(number, modifiedAt, HTTP_DATE.format(modifiedAt));
        }

        public EntityTag etag() {
            return new EntityTag(Long.toString(number), true);
        }

        /** HTTP dates have whole seconds. */
        public Date lastModified() {
            return Date.from(Instant.ofEpochSecond(modifiedAt.getEpochSecond()));
        }
    }

    /** The current revision: from memory when it can be trusted, else from the database. */
    public Revision current() {
        return known().orElseGet(this::fromDatabase);
    }

    /** The revision held in memory, when it can be trusted (notifications followed, or the database unreachable). */
    public Optional<Revision> known() {
        Revision revision = known.get();
        return revision != null && (following || availability.down()) ? Optional.of(revision) : Optional.empty();
    }

    /** Reads the revision from the database and moves the one in memory up to it. */
    public Revision fromDatabase() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select revision, modified_at from registry_state")) {
            row.next();
            Revision read = new Revision(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant());
            advance(read);
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registry revision", e);
        }
    }

    /** Moves the revision in memory forward (never back); tells the listeners when it moved. */
    public void advance(Revision revision) {
        Revision before = known.getAndAccumulate(revision,
                (old, next) -> old == null || next.number() > old.number() ? next : old);
        if (before == null || revision.number() > before.number()) {
            listeners.forEach(listener -> listener.accept(revision));
        }
    }

    /** Parses a {@code registry_revision} notification: "revision epochMicros". */
    public static Revision parseNotification(String payload) {
        String[] parts = payload.trim().split(" ");
        long micros = Long.parseLong(parts[1]);
        return new Revision(Long.parseLong(parts[0]),
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    /** Whether the revision in memory follows the notifications; set by the listener. */
    public void following(boolean value) {
        following = value;
    }

    /** Called with each new revision once it moved (from a notification or a local read). */
    public void onMove(Consumer<Revision> listener) {
        listeners.add(listener);
    }
}
