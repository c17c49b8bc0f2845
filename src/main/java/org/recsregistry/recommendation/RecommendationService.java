package org.recsregistry.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.common.Page;
import org.recsregistry.common.QueryParams;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.recommendation.dto.LinkView;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationItem;
import org.recsregistry.recommendation.dto.SourceRef;
import org.recsregistry.recommendation.dto.StatusEventView;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads recommendations: filtered pages and single records with their history. */
@ApplicationScoped
public class RecommendationService {

    @Inject
    RecommendationSearch search;

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
        List<RecommendationItem> items = ids.stream().map(byId::get).map(RecommendationService::item).toList();
        String next = null;
        if (more) {
            Object[] last = page.get(page.size() - 1);
            next = new Cursor(query.sort().param(), keyText(last[1]), (String) last[0]).encode();
        }
        return new Page<>(items, search.count(query), next);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RecommendationDetail get(String id) {
        Recommendation r = RecommendationWriteService.live(id);
        List<LinkView> links = new ArrayList<>();
        r.links.forEach(l -> links.add(new LinkView(l.relation, "outgoing", l.to.id, l.to.summary)));
        RecommendationLink.<RecommendationLink>stream("to.id = ?1 order by id", id)
                .forEach(l -> links.add(new LinkView(l.relation, "incoming", l.from.id, l.from.summary)));
        List<StatusEventView> history = StatusEvent.<StatusEvent>stream(
                        "recommendationId = ?1 order by effectiveDate, id", id)
                .map(RecommendationService::event).toList();
        return new RecommendationDetail(r.id, sourceRef(r), r.locator, r.text, r.textVerified, r.summary,
                r.overallStatus, addressees(r), themes(r), links, history, r.createdAt, r.updatedAt, r.version);
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

    static RecommendationItem item(Recommendation r) {
        return new RecommendationItem(r.id, sourceRef(r), r.locator, r.text, r.textVerified, r.summary,
                r.overallStatus, addressees(r), themes(r), r.createdAt, r.updatedAt, r.version);
    }

    private static SourceRef sourceRef(Recommendation r) {
        return new SourceRef(r.source.id, r.source.title, r.source.kind);
    }

    private static List<AddresseeStatus> addressees(Recommendation r) {
        return r.addressees.stream()
                .map(a -> new AddresseeStatus(a.addressee.code, a.addressee.name, a.status, a.statusSince))
                .toList();
    }

    private static List<String> themes(Recommendation r) {
        return r.themes.stream().map(t -> t.code).toList();
    }

    static StatusEventView event(StatusEvent e) {
        return new StatusEventView(e.id, e.addresseeCode, e.fromStatus, e.toStatus, e.effectiveDate, e.confidence,
                new StatusEventView.Evidence(e.evidenceTitle, e.evidencePublisher, e.evidenceDate, e.evidenceUrl,
                        e.evidenceExcerpt),
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
