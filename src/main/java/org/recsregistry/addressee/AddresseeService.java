package org.recsregistry.addressee;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.recsregistry.addressee.dto.AddresseeCreate;
import org.recsregistry.addressee.dto.AddresseeEdit;
import org.recsregistry.addressee.dto.AddresseeView;
import org.recsregistry.audit.AuditedWrites;
import org.recsregistry.common.BeanChecks;
import org.recsregistry.common.NotFoundProblem;
import org.recsregistry.common.Patches;
import org.recsregistry.status.StatusCounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reads and writes addressees. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AddresseeService {

    private static final Set<String> FIXED = Set.of("code", "recommendationCount", "statusCounts", "version");

    @Inject
    BeanChecks checks;
    @Inject
    Patches patches;
    @Inject
    AuditedWrites writes;

    public List<AddresseeView> list() {
        StatusCounts counts = statusCounts(null);
        return Addressee.<Addressee>listAll(Sort.by("code")).stream().map(a -> view(a, counts)).toList();
    }

    public AddresseeView get(String code) {
        return view(find(code), statusCounts(code));
    }

    @Transactional
    public AddresseeView create(AddresseeCreate request) {
        AddresseeEdit edit = checks.valid(request.edit());
        return writes.create("addressee", request.code(), Addressee.findById(request.code()) != null, () -> {
            Addressee a = new Addressee();
            a.code = request.code();
            apply(a, edit);
            a.persistAndFlush();
        }, this::get);
    }

    @Transactional
    public AddresseeView update(String code, String ifMatch, JsonNode patch) {
        Addressee a = find(code);
        return writes.update("addressee", code, ifMatch, a.version, () -> {
            apply(a, patches.merge(new AddresseeEdit(a.name, a.kind), patch, FIXED));
            a.persistAndFlush();
        }, this::get);
    }

    private static void apply(Addressee a, AddresseeEdit edit) {
        a.name = edit.name().strip();
        a.kind = edit.kind();
        a.updatedAt = Instant.now();
    }

    private static Addressee find(String code) {
        Addressee a = Addressee.findById(code);
        if (a == null) {
            throw new NotFoundProblem("addressee", code);
        }
        return a;
    }

    /**
     * Recommendations by this addressee's own status, for one addressee (or every one when null):
     * summed from the facet counts (V30), not over every record.
     */
    public static StatusCounts statusCounts(String code) {
        return StatusCounts.read("select split_part(p, ':', 1) as code, split_part(p, ':', 2), sum(matches)"
                + " from facet_count, unnest(pairs) p"
                + (code == null ? "" : " where split_part(p, ':', 1) = ?1") + " group by 1, 2", code);
    }

    private static AddresseeView view(Addressee a, StatusCounts counts) {
        return new AddresseeView(a.code, a.name, a.kind, counts.total(a.code), counts.of(a.code), a.version);
    }
}
