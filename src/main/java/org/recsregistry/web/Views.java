package org.recsregistry.web;

import org.recsregistry.addressee.dto.AddresseeView;
import org.recsregistry.common.Page;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationItem;
import org.recsregistry.recommendation.dto.StatusEventView;
import org.recsregistry.source.dto.SourceView;

import java.time.LocalDate;
import java.util.List;

/** What each page shows, assembled by {@link PageService} from the API's services. */
public final class Views {

    private Views() {
    }

    /** How many records have one status; {@code status} is the wire value, {@code label} the words. */
    public record StatusCount(String status, String label, long count) {
    }

    /** One cell of the addressee x status matrix, with the list it counts. */
    public record Cell(String label, long count, String href) {
    }

    /** One addressee's row of the matrix. */
    public record MatrixRow(String code, String name, long total, List<Cell> cells) {
    }

    /** A status change in words, with the record it concerns. */
    public record Change(String recommendationId, String headline, LocalDate effectiveDate) {
    }

    public record Home(long total, List<StatusCount> byStatus, List<MatrixRow> matrix, TimelineChart chart,
                       List<Change> changes) {
    }

    /** A choice in a form field. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The filtered list with its form; the hrefs are relative links, null where there is no such page. */
    public record Listing(Page<RecommendationItem> page, List<Option> addressees, List<Option> statuses,
                          List<Option> sources, List<Option> themes, List<Option> sorts, String q, boolean filtered,
                          String nextHref, String firstHref, String jsonHref) {
    }

    /** One addressee's status and its dated history on a record. */
    public record AddresseeHistory(AddresseeStatus addressee, List<StatusEventView> events) {
    }

    public record Record(RecommendationDetail recommendation, SourceView source, List<AddresseeHistory> addressees,
                         String permalink, String jsonHref) {
    }

    public record Addressee(AddresseeView addressee, List<StatusCount> counts, Page<RecommendationItem> page,
                            String listHref, String jsonHref) {
    }

    public record Source(SourceView source, List<StatusCount> counts, Page<RecommendationItem> page, String listHref,
                         String jsonHref) {
    }
}
