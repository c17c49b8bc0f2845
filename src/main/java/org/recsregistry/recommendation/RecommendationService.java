package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.AsOfReader.PairStatus;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.recommendation.dto.LinkView;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationItem;
import org.recsregistry.recommendation.dto.SourceRef;
import org.recsregistry.recommendation.dto.StatusEventView;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads recommendations: filtered pages and single records with their history. */
@ApplicationScoped
public class RecommendationService {

    @Inject
    RecommendationSearch search;

    @Inject
    AsOfReader asOfReader;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecommendationItem> list(RecommendationQuery query) {
        QueryParams unknown = new QueryParams();
        requireKnown(unknown, "addressee", query.addressees(), "select a.code from Addressee a where a.code in ?1");
        requireKnown(unknown, "source", query.sources(), "select s.id from Source s where s.id in ?1");
        requireKnown(unknown, "theme", query.themes(), "select t.code from Theme t where t.code in ?1");
        unknown.check();
        List<Object[]> keys = search.pageKeys(query);
        boolean more = keys.size() > query.limit();
        List<Object[]> page = more ? keys.subList(0, query.limit()) : keys;
        List<String> ids = page.stream().map(row -> (String) row[0]).toList();
        Map<String, Recommendation> byId = ids.isEmpty() ? Map.of()
                : Recommendation.<Recommendation>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<String, Map<String, PairStatus>> asOf = query.asOf().map(date -> asOfReader.pairs(ids, date)).orElse(null);
        List<RecommendationItem> items = ids.stream().map(byId::get)
                .map(r -> item(r, asOf == null ? null : asOf.getOrDefault(r.id, Map.of()))).toList();
        String next = null;
        if (more) {
            Object[] last = page.get(page.size() - 1);
            next = new Cursor(query.sort().param(), keyText(last[1]), (String) last[0]).encode();
        }
        return new Page<>(items, search.count(query), next);
    }

    /** One recommendation; with asOf, its statuses at the end of that date and its history up to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationDetail get(String id, Optional<LocalDate> asOf) {
        Recommendation r = RecommendationWriteService.live(id);
        List<LinkView> links = new ArrayList<>();
        r.links.forEach(l -> links.add(new LinkView(l.relation, "outgoing", l.to.id, l.to.summary)));
        RecommendationLink.<RecommendationLink>stream("to.id = ?1 order by id", id)
                .forEach(l -> links.add(new LinkView(l.relation, "incoming", l.from.id, l.from.summary)));
        List<StatusEventView> history = (asOf.isEmpty()
                ? StatusEvent.<StatusEvent>stream("recommendationId = ?1 order by effectiveDate, id", id)
                : StatusEvent.<StatusEvent>stream("recommendationId = ?1 and effectiveDate <= ?2"
                        + " order by effectiveDate, id", id, asOf.get()))
                .map(RecommendationService::event).toList();
        List<AddresseeStatus> addressees = addressees(r,
                asOf.map(date -> asOfReader.pairs(List.of(id), date).getOrDefault(id, Map.of())).orElse(null));
        return new RecommendationDetail(r.id, sourceRef(r), r.locator, r.text, r.textVerified, r.summary,
                overall(r, addressees, asOf.isPresent()), addressees, themes(r), links, history,
                r.createdAt, r.updatedAt, r.version);
    }

    private static void requireKnown(QueryParams params, String name, List<String> codes, String knownQuery) {
        if (codes.isEmpty()) {
            return;
        }
        Set<String> known = Set.copyOf(Recommendation.getEntityManager().createQuery(knownQuery, String.class)
                .setParameter(1, codes).getResultList());
        codes.stream().filter(code -> !known.contains(code)).distinct()
                .forEach(code -> params.reject(name, "unknown " + name + " '" + code + "'"));
    }

    /** A list item with the current statuses, or with those of {@code asOf} (by addressee code) when given. */
    private static RecommendationItem item(Recommendation r, Map<String, PairStatus> asOf) {
        List<AddresseeStatus> addressees = addressees(r, asOf);
        return new RecommendationItem(r.id, sourceRef(r), r.locator, r.text, r.textVerified, r.summary,
                overall(r, addressees, asOf != null), addressees, themes(r), r.createdAt, r.updatedAt, r.version);
    }

    private static SourceRef sourceRef(Recommendation r) {
        return new SourceRef(r.source.id, r.source.title, r.source.kind);
    }

    /** The addressees with their current statuses, or with those of {@code asOf} when given (unknown if absent). */
    private static List<AddresseeStatus> addressees(Recommendation r, Map<String, PairStatus> asOf) {
        return r.addressees.stream().map(a -> {
            if (asOf == null) {
                return new AddresseeStatus(a.addressee.code, a.addressee.name, a.status, a.statusSince);
            }
            PairStatus then = asOf.getOrDefault(a.addressee.code, new PairStatus(Status.UNKNOWN, null));
            return new AddresseeStatus(a.addressee.code, a.addressee.name, then.status(), then.since());
        }).toList();
    }

    private static Status overall(Recommendation r, List<AddresseeStatus> addressees, boolean asOf) {
        return asOf ? Status.overall(addressees.stream().map(AddresseeStatus::status).toList()) : r.overallStatus;
    }

    private static List<String> themes(Recommendation r) {
        return r.themes.stream().map(t -> t.code).toList();
    }

    static StatusEventView event(StatusEvent e) {
        return new StatusEventView(e.id, e.addresseeCode, e.fromStatus, e.toStatus, e.effectiveDate, e.confidence,
                new StatusEventView.Evidence(e.evidenceTitle, e.evidencePublisher, e.evidenceKind, e.evidenceDate,
                        e.evidenceDatePrecision, e.evidenceUrl, e.evidenceExcerpt),
                e.note, e.correctsEventId, e.recordedAt);
    }

    /** A sort key as the cursor keeps it: timestamps as ISO 8601 with their full precision. */
    private static String keyText(Object key) {
        if (key instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (key instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toString();
        }
        return key.toString();
    }
}
