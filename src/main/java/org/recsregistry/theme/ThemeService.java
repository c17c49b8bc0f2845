package org.recsregistry.theme;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.audit.AuditedWrites;
import org.recsregistry.common.BeanChecks;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Patches;
import org.recsregistry.status.StatusCounts;
import org.recsregistry.theme.dto.ThemeCreate;
import org.recsregistry.theme.dto.ThemeEdit;
import org.recsregistry.theme.dto.ThemeView;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reads and writes themes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ThemeService {

    private static final Set<String> FIXED = Set.of("code", "recommendationCount", "version");

    @Inject
    BeanChecks checks;
    @Inject
    Patches patches;
    @Inject
    AuditedWrites writes;

    public List<ThemeView> list() {
        StatusCounts counts = statusCounts(null);
        return Theme.<Theme>listAll(Sort.by("code")).stream().map(t -> view(t, counts)).toList();
    }

    public ThemeView get(String code) {
        return view(find(code), statusCounts(code));
    }

    @Transactional
    public ThemeView create(ThemeCreate request) {
        ThemeEdit edit = checks.valid(request.edit());
        return writes.create("theme", request.code(), Theme.findById(request.code()) != null, () -> {
            Theme t = new Theme();
            t.code = request.code();
            apply(t, edit);
            t.persistAndFlush();
        }, this::get);
    }

    @Transactional
    public ThemeView update(String code, String ifMatch, JsonNode patch) {
        Theme t = find(code);
        return writes.update("theme", code, ifMatch, t.version, () -> {
            apply(t, patches.merge(new ThemeEdit(t.name), patch, FIXED));
            t.persistAndFlush();
        }, this::get);
    }

    private static void apply(Theme t, ThemeEdit edit) {
        t.name = edit.name().strip();
        t.updatedAt = Instant.now();
    }

    private static Theme find(String code) {
        Theme t = Theme.findById(code);
        if (t == null) {
            throw new NotFoundProblem("theme", code);
        }
        return t;
    }

    /**
     * Recommendations by overall status, for one theme (or every one when null):
     * summed from the facet counts (V30), not over every record.
     */
    public static StatusCounts statusCounts(String code) {
        return StatusCounts.read("select t, overall_status, sum(matches) from facet_count, unnest(themes) t"
                + (code == null ? "" : " where t = ?1") + " group by 1, 2", code);
    }

    private static ThemeView view(Theme t, StatusCounts counts) {
        return new ThemeView(t.code, t.name, counts.total(t.code), t.version);
    }
}
