package org.recsregistry.change;

import org.recsregistry.common.WireEnum;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.status.Status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Which change-feed entries a reader wants: the feed, its stream, the Atom feed and webhook
 * subscriptions share it. Its meaning is written once, in the SQL function change_entry_matches (V30).
 */
public record ChangeFilter(List<ChangeKind> kinds, List<String> addressees, List<Status> statuses,
                           List<EvidenceKind> evidenceKinds) {

    /** The SQL condition on change_entry c; bind its four arrays with {@link #bind}. */
    static final String MATCHES = "change_entry_matches(c.kind, c.recommendation_id, c.addressee_code, c.to_status,"
            + " c.evidence, ?, ?, ?, ?)";

    public static ChangeFilter none() {
        return new ChangeFilter(List.of(), List.of(), List.of(), List.of());
    }

    /** Binds the arrays of {@link #MATCHES} from position {@code first}; answers the next position. */
    int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        statement.setArray(first, connection.createArrayOf("text", wire(kinds)));
        statement.setArray(first + 1, connection.createArrayOf("text", addressees.toArray()));
        statement.setArray(first + 2, connection.createArrayOf("text", wire(statuses)));
        statement.setArray(first + 3, connection.createArrayOf("text", wire(evidenceKinds)));
        return first + 4;
    }

    private static Object[] wire(List<? extends WireEnum> values) {
        return values.stream().map(WireEnum::wire).toArray();
    }
}
