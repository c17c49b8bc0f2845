package org.recsregistry.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditedWrites;
import org.recsregistry.common.BeanChecks;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Patches;
import org.recsregistry.source.dto.SourceCreate;
import org.recsregistry.source.dto.SourceEdit;
import org.recsregistry.source.dto.SourceView;
import org.recsregistry.status.StatusCounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reads and writes source documents. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceService {

    private static final Set<String> FIXED = Set.of("id", "recommendationCount", "statusCounts", "version");

    @Inject
    BeanChecks checks;
    @Inject
    Patches patches;
    @Inject
    AuditedWrites writes;

    public List<SourceView> list() {
        StatusCounts counts = statusCounts(null);
        return Source.<Source>listAll(Sort.by("id")).stream().map(s -> view(s, counts)).toList();
    }

    public SourceView get(String id) {
        return view(find(id), statusCounts(id));
    }

    @Transactional
    public SourceView create(SourceCreate request) {
        SourceEdit edit = checks.valid(request.edit());
        return writes.create("source", request.id(), Source.findById(request.id()) != null, () -> {
            Source s = new Source();
            s.id = request.id();
            s.createdAt = Instant.now();
            apply(s, edit);
            s.persistAndFlush();
        }, this::get);
    }

    @Transactional
    public SourceView update(String id, String ifMatch, JsonNode patch) {
        Source s = find(id);
        return writes.update("source", id, ifMatch, s.version, () -> {
            apply(s, patches.merge(new SourceEdit(s.title, s.publisher, s.kind, s.publishedDate, s.datePrecision, s.url,
                    s.seedFile), patch, FIXED));
            s.persistAndFlush();
        }, this::get);
    }

    private static void apply(Source s, SourceEdit edit) {
        s.title = edit.title().strip();
        s.publisher = edit.publisher().strip();
        s.kind = edit.kind();
        s.publishedDate = edit.publishedDate();
        s.datePrecision = edit.datePrecision();
        s.url = edit.url();
        s.seedFile = edit.seedFile();
        s.updatedAt = Instant.now();
    }

    private static Source find(String id) {
        Source s = Source.findById(id);
        if (s == null) {
            throw new NotFoundProblem("source", id);
        }
        return s;
    }

    /**
     * Recommendations by overall status, for one source (or every one when null):
     * summed from the facet counts (V30), not over every record.
     */
    public static StatusCounts statusCounts(String id) {
        return StatusCounts.read("select source_id, overall_status, sum(matches) from facet_count"
                + (id == null ? "" : " where source_id = ?1") + " group by 1, 2", id);
    }

    private static SourceView view(Source s, StatusCounts counts) {
        return new SourceView(s.id, s.title, s.publisher, s.kind, s.publishedDate, s.datePrecision, s.url, s.seedFile,
                counts.total(s.id), counts.of(s.id), s.version);
    }
}
