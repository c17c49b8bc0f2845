package org.recsregistry.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.Status;

import java.util.List;

/** Validates change-feed queries and reads the feed. */
@ApplicationScoped
public class ChangeService {

    @Inject
    ChangeFeed feed;

    @Inject
    FeedNotifications notifications;

    /** Reads the query parameters into {@code params}; call {@link QueryParams#check()} before using the query. */
    public ChangeQuery query(QueryParams params, List<String> since, List<String> limit, List<String> kind,
                             List<String> addressee, List<String> status, List<String> evidenceKind) {
        long after = params.single("since", since).map(value -> cursor(params, value)).orElse(0L);
        return new ChangeQuery(after,
                params.integer("limit", limit, ChangeResource.DEFAULT_LIMIT, 1, ChangeResource.MAX_LIMIT),
                params.enums("kind", kind, ChangeKind.class),
                params.repeated("addressee", addressee),
                params.enums("status", status, Status.class),
                params.enums("evidenceKind", evidenceKind, EvidenceKind.class));
    }

    public ChangeFeed.Result read(ChangeQuery query) {
        return feed.read(query);
    }

    /** The head this instance knows of, without a database read; it may trail the database by a moment. */
    public long knownHead() {
        return notifications.head();
    }

    private long cursor(QueryParams params, String value) {
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        params.reject("since", "is not a feed cursor (a cursor is a non-negative integer this service issued)");
        return 0;
    }
}
