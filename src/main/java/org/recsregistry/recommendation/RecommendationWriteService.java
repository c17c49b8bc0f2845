package org.recsregistry.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.recsregistry.addressee.Addressee;
import org.recsregistry.audit.AuditService;
import org.recsregistry.audit.AuditedWrites;
import org.recsregistry.common.BeanChecks;
import org.recsregistry.common.InvalidParametersException;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Patches;
import org.recsregistry.common.ProblemException;
import org.recsregistry.common.QueryParams;
import org.recsregistry.common.RecordTag;
import org.recsregistry.recommendation.dto.LinkInput;
import org.recsregistry.recommendation.dto.RecommendationCreate;
import org.recsregistry.recommendation.dto.RecommendationDetail;
import org.recsregistry.recommendation.dto.RecommendationEdit;
import org.recsregistry.source.Source;
import org.recsregistry.theme.Theme;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Curators' writes to recommendations; each write is audited and recorded in the change feed. */
@ApplicationScoped
@Transactional
public class RecommendationWriteService {

    @Inject
    RecommendationService reads;
    @Inject
    BeanChecks checks;
    @Inject
    Event<RecommendationChanged> changes;
    @Inject
    AuditService audit;
    @Inject
    AuditedWrites writes;
    @Inject
    Patches patches;

    public RecommendationDetail create(RecommendationCreate request) {
        RecommendationEdit edit = checks.valid(request.edit());
        Source source = Source.findById(request.source());
        if (source == null) {
            throw InvalidParametersException.of("source", "unknown source '" + request.source() + "'");
        }
        String id = request.id() != null ? request.id() : slug(source.id + "-" + edit.locator());
        if (Recommendation.findById(id) != null) {
            throw ProblemException.conflict("The id '" + id + "' is taken (ids of deleted records stay reserved).");
        }
        Recommendation r = new Recommendation();
        r.id = id;
        r.source = source;
        r.createdAt = Instant.now();
        apply(r, edit);
        r.persist();
        changes.fire(RecommendationChanged.created(id));
        RecommendationDetail created = detail(id);
        audit.record("recommendation.create", "recommendation", id, null, created);
        return created;
    }

    public RecommendationDetail update(String id, String ifMatch, JsonNode patch) {
        Recommendation r = live(id);
        return writes.update("recommendation", id, ifMatch, r.version, () -> {
            apply(r, patches.merge(editOf(r), patch, FIXED));
            r.persistAndFlush();
            changes.fire(RecommendationChanged.updated(id));
        }, this::detail);
    }

    public void delete(String id, String ifMatch) {
        Recommendation r = live(id);
        RecordTag.requireMatch(ifMatch, r.version);
        RecommendationDetail before = detail(id);
        r.deletedAt = Instant.now();
        r.updatedAt = r.deletedAt;
        r.persistAndFlush();
        changes.fire(RecommendationChanged.deleted(id));
        audit.record("recommendation.delete", "recommendation", id, before, null);
    }

    /** The record as this transaction leaves it: flushed first, as the read is a statement of its own. */
    private RecommendationDetail detail(String id) {
        Recommendation.flush();
        return reads.get(id, Optional.empty());
    }

    /** The record, or 404 / 410 if it never existed / was deleted. */
    static Recommendation live(String id) {
        return live(id, LockModeType.NONE);
    }

    /** The record if it is live, read with the given lock; 404 or 410 otherwise. */
    static Recommendation live(String id, LockModeType lock) {
        Recommendation r = Recommendation.findById(id, lock);
        if (r == null) {
            throw new NotFoundProblem("recommendation", id);
        }
        if (r.deletedAt != null) {
            throw ProblemException.gone("recommendation", id);
        }
        return r;
    }

    private static final Set<String> FIXED = Set.of("id", "source", "overallStatus", "createdAt", "updatedAt",
            "version", "history");

    private static RecommendationEdit editOf(Recommendation r) {
        return new RecommendationEdit(r.locator, r.text, r.textVerified, r.summary,
                r.addressees.stream().map(a -> a.id.addresseeCode()).toList(),
                r.themes.stream().map(t -> t.code).toList(),
                r.links.stream().map(l -> new LinkInput(l.to.id, l.relation)).toList());
    }

    /** Applies validated fields, checking what only the database knows: codes, link targets, history. */
    private static void apply(Recommendation r, RecommendationEdit edit) {
        QueryParams problems = new QueryParams();
        if (edit.textVerified() == edit.text().isEmpty()) {
            problems.reject("text", edit.textVerified() ? "must not be empty when textVerified is true"
                    : "must be empty while textVerified is false (the summary carries what is known)");
        }
        List<Addressee> addressees = edit.addressees().stream().distinct().map(code -> {
            Addressee a = Addressee.findById(code);
            if (a == null) {
                problems.reject("addressees", "unknown addressee '" + code + "'");
            }
            return a;
        }).toList();
        List<Theme> themes = edit.themes().stream().distinct().map(code -> {
            Theme t = Theme.findById(code);
            if (t == null) {
                problems.reject("themes", "unknown theme '" + code + "'");
            }
            return t;
        }).toList();
        List<Recommendation> targets = edit.links().stream().map(link -> {
            Recommendation target = Recommendation.findById(link.target());
            if (target == null || target.deletedAt != null || link.target().equals(r.id)) {
                problems.reject("links", "cannot link to '" + link.target() + "'");
            }
            return target;
        }).toList();
        problems.check();
        Set<String> kept = new HashSet<>(edit.addressees());
        r.addressees.stream().filter(a -> !kept.contains(a.id.addresseeCode())).forEach(a -> {
            if (StatusEvent.count("recommendationId = ?1 and addresseeCode = ?2", r.id, a.id.addresseeCode()) > 0) {
                throw ProblemException.conflict("Addressee " + a.id.addresseeCode()
                        + " has a status history on this record; it cannot be removed.");
            }
        });
        r.locator = edit.locator().strip();
        r.text = edit.text();
        r.textVerified = edit.textVerified();
        r.summary = edit.summary().strip();
        r.updatedAt = Instant.now();
        r.addressees.removeIf(a -> !kept.contains(a.id.addresseeCode()));
        Set<String> present = new HashSet<>();
        r.addressees.forEach(a -> present.add(a.id.addresseeCode()));
        addressees.stream().filter(a -> !present.contains(a.code))
                .forEach(a -> r.addressees.add(new RecommendationAddressee(r, a)));
        r.themes.clear();
        r.themes.addAll(themes);
        // Keep the links that stay, so that no row is deleted and inserted again under its unique key.
        r.links.removeIf(l -> edit.links().stream()
                .noneMatch(wanted -> wanted.target().equals(l.to.id) && wanted.relation() == l.relation));
        for (int i = 0; i < targets.size(); i++) {
            Recommendation target = targets.get(i);
            LinkRelation relation = edit.links().get(i).relation();
            if (r.links.stream().noneMatch(l -> l.to.id.equals(target.id) && l.relation == relation)) {
                RecommendationLink link = new RecommendationLink();
                link.from = r;
                link.to = target;
                link.relation = relation;
                r.links.add(link);
            }
        }
        r.refreshOverallStatus();
    }

    /** An id from a source id and a locator: lower case, runs of anything else become one hyphen. */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 150 ? slug.substring(0, 150).replaceAll("-+$", "") : slug;
    }
}
