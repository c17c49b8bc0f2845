package org.recsregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.recsregistry.change.dto.ChangeView;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's event stream: reads the feed after its cursor on a worker thread, then waits for
 * the next notification (or the heartbeat) without holding a thread, and repeats.
 */
class ChangeStream {

    private final ChangeService service;
    private final FeedNotifications notifications;
    private final Sse sse;
    private final ObjectMapper json;
    private final Duration heartbeat;

    ChangeStream(ChangeService service, FeedNotifications notifications, Sse sse, ObjectMapper json, Duration heartbeat) {
        this.service = service;
        this.notifications = notifications;
        this.sse = sse;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    Multi<OutboundSseEvent> follow(ChangeQuery start) {
        AtomicLong cursor = new AtomicLong(start.since());
        AtomicLong head = new AtomicLong(-1);
        return Multi.createBy().repeating()
                .uni(() -> next(start, cursor, head))
                .indefinitely()
                .onItem().transformToIterable(events -> events);
    }

    /** The events after the cursor; if none, those after the next wake-up, or a heartbeat comment. */
    private Uni<List<OutboundSseEvent>> next(ChangeQuery start, AtomicLong cursor, AtomicLong head) {
        Uni<Long> ready = head.get() < 0 || head.get() > cursor.get() ? Uni.createFrom().item(head.get())
                : waitBeyond(head.get());
        return ready.emitOn(Infrastructure.getDefaultWorkerPool()).map(ignored -> {
            ChangeFeed.Result read = service.read(new ChangeQuery(cursor.get(), start.limit(), start.kinds(),
                    start.addressees(), start.statuses(), start.evidenceKinds()));
            head.set(read.head());
            cursor.set(Long.parseLong(read.page().nextCursor()));
            if (read.page().items().isEmpty()) {
                return read.page().hasMore() ? List.of() : List.of(sse.newEventBuilder().comment("heartbeat").build());
            }
            return read.page().items().stream().map(this::event).toList();
        });
    }

    private Uni<Long> waitBeyond(long seen) {
        CompletionStage<Long> moved = notifications.moved(seen);
        return Uni.createFrom().completionStage(moved)
                .ifNoItem().after(heartbeat).recoverWithItem(seen)
                .onTermination().invoke(() -> notifications.forget(moved));
    }

    /**
     * The entry serialized here, as a string: an event given a media type would carry a
     * non-standard "content-type:" line.
     */
    private OutboundSseEvent event(ChangeView change) {
        try {
            return sse.newEventBuilder().id(change.cursor()).name(change.kind().wire())
                    .data(json.writeValueAsString(change)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize change " + change.cursor(), e);
        }
    }
}
