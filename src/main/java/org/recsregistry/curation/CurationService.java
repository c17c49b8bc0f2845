package org.recsregistry.curation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.recsregistry.common.Page;
import org.recsregistry.common.WireEnum;
import org.recsregistry.curation.dto.QueueEntry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the curator's work queue from the registry's gaps, in one query, most important first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CurationService {

    private static final String LIVE = " join recommendation r on r.id = %s and r.deleted_at is null";

    /** Each arm yields: problem, recommendation id, addressee, event id, source id, detail. */
    private static final String QUEUE = "select q.*, count(*) over () as total from ("
            + "select 'text_not_verified' as problem, r.id as rec, null as addressee, null::bigint as event,"
            + " null as source, r.locator as detail from recommendation r where r.deleted_at is null"
            + " and not r.text_verified"
            + " union all select 'status_unknown', ra.recommendation_id, ra.addressee_code, null, null, null"
            + " from recommendation_addressee ra" + LIVE.formatted("ra.recommendation_id")
            + " where not exists (select 1 from status_event se where se.recommendation_id = ra.recommendation_id"
            + " and se.addressee_code = ra.addressee_code)"
            + " union all select 'event_without_url', se.recommendation_id, se.addressee_code, se.id, null,"
            + " se.evidence_title from status_event se" + LIVE.formatted("se.recommendation_id")
            + " where se.evidence_url is null"
            + " union all select 'low_confidence_stale', ra.recommendation_id, ra.addressee_code, cur.id, null,"
            + " cur.effective_date::text from recommendation_addressee ra" + LIVE.formatted("ra.recommendation_id")
            + " cross join lateral (select se.id, se.confidence, se.effective_date from status_event se"
            + " where se.recommendation_id = ra.recommendation_id and se.addressee_code = ra.addressee_code"
            + " order by se.effective_date desc, se.id desc limit 1) cur"
            + " where cur.confidence = 'low' and cur.effective_date < cast(?1 as date)"
            + " union all select 'source_without_url', null, null, null, s.id, s.title from source s"
            + " where s.url is null"
            + ") q where q.problem = any(string_to_array(?2, ','))"
            + " order by array_position(string_to_array(?3, ','), q.problem), q.rec, q.addressee, q.event, q.source limit ?4";

    @Inject
    EntityManager em;

    /** The first {@code limit} entries of the queue (of the given problems, or all), with the queue's length. */
    @SuppressWarnings("unchecked")
    public Page<QueueEntry> queue(List<QueueProblem> problems, int limit, LocalDate today) {
        List<QueueProblem> wanted = problems.isEmpty() ? Arrays.asList(QueueProblem.values()) : problems;
        List<Object[]> rows = em.createNativeQuery(QUEUE).unwrap(NativeQuery.class)
                .setParameter(1, today.minusYears(1), LocalDate.class)
                .setParameter(2, wired(wanted), String.class)
                .setParameter(3, wired(Arrays.asList(QueueProblem.values())), String.class)
                .setParameter(4, limit, Integer.class)
                .getResultList();
        List<QueueEntry> entries = rows.stream().map(CurationService::entry).toList();
        long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[6]).longValue();
        return new Page<>(entries, total, null);
    }

    private static String wired(List<QueueProblem> problems) {
        return problems.stream().map(WireEnum::wire).collect(Collectors.joining(","));
    }

    private static QueueEntry entry(Object[] row) {
        QueueProblem problem = WireEnum.parse(QueueProblem.class, (String) row[0]).orElseThrow();
        String rec = (String) row[1];
        String addressee = (String) row[2];
        Long event = row[3] == null ? null : ((Number) row[3]).longValue();
        String source = (String) row[4];
        String detail = (String) row[5];
        String missing = switch (problem) {
            case TEXT_NOT_VERIFIED -> "text: the verbatim text is not verified; quote it from " + detail
                    + " and set textVerified";
            case STATUS_UNKNOWN -> "status of " + addressee + ": unknown, no event recorded; record one with its"
                    + " evidence, or leave it while no source says anything";
            case EVENT_WITHOUT_URL -> "evidence.url of event " + event + " (" + addressee + ", \"" + detail
                    + "\"): no link; record a correcting event with the public page, or say in its note why none exists";
            case LOW_CONFIDENCE_STALE -> "status of " + addressee + ": rests on low-confidence event " + event
                    + " effective " + detail + "; look for newer or firmer evidence";
            case SOURCE_WITHOUT_URL -> "url of source " + source + " (\"" + detail + "\"): no link; PATCH the source";
        };
        String link = source != null ? "/api/v1/sources/" + source : "/api/v1/recommendations/" + rec;
        return new QueueEntry(problem.priority(), problem, rec, addressee, event, source, missing, link);
    }
}
