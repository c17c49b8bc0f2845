package org.recsregistry.support;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Records last updated in earlier hours, days and months, for the updatedSince tests: the registry's own
 * records are all updated when the dataset is imported, within one hour.
 */
public final class EarlierUpdates {

    private static final String BASE = "/api/v1/recommendations";

    /** How long before now each record was created and last updated, mid-hour. */
    private static final List<Duration> AGES = List.of(Duration.ofMinutes(133), Duration.ofMinutes(30 * 60 + 41),
            Duration.ofDays(40).plusMinutes(7), Duration.ofDays(400).plusMinutes(5 * 60 + 29));

    private final List<String> ids = new ArrayList<>();
    private final List<OffsetDateTime> stamps = new ArrayList<>();

    /**
     * Creates a record per age ({@code prefix-0}, ...; DPRK and CHN its addressees for the even ones, CHN alone
     * for the odd, theme accountability) and moves its creation and update back by that age, through the
     * recommendation table, whose triggers keep the facets and counts.
     */
    public static EarlierUpdates create(AgroalDataSource dataSource, String prefix) throws SQLException {
        EarlierUpdates records = new EarlierUpdates();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement move = connection.prepareStatement("update recommendation set created_at = ?,"
                     + " updated_at = ? where id = ? returning updated_at")) {
            for (int i = 0; i < AGES.size(); i++) {
                String id = prefix + "-" + i;
                Tokens.curator().contentType(ContentType.JSON)
                        .body(Map.of("id", id, "source", "coi-2014", "locator", "earlier update " + i,
                                "summary", "A test record.", "themes", List.of("accountability"),
                                "addressees", i % 2 == 0 ? List.of("DPRK", "CHN") : List.of("CHN")))
                        .post(BASE).then().statusCode(201);
                records.ids.add(id);
                OffsetDateTime stamp = now.minus(AGES.get(i));
                move.setObject(1, stamp);
                move.setObject(2, stamp);
                move.setString(3, id);
                try (ResultSet row = move.executeQuery()) {
                    row.next();
                    records.stamps.add(row.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
                }
            }
        }
        return records;
    }

    /** When each record was last updated, as stored. */
    public List<OffsetDateTime> stamps() {
        return stamps;
    }

    public void delete() {
        for (String id : ids) {
            String etag = given().get(BASE + "/" + id).then().statusCode(200).extract().header("ETag");
            Tokens.curator().header("If-Match", etag).delete(BASE + "/" + id).then().statusCode(204);
        }
    }
}
