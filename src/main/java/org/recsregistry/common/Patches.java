package org.recsregistry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Applies a JSON Merge Patch to a record's editable fields and validates the merged whole. */
@ApplicationScoped
public class Patches {

    @Inject
    ObjectMapper json;

    @Inject
    BeanChecks checks;

    /**
     * The editable view {@code current} with {@code patch} merged in, validated. A field that is not
     * a component of the view is answered 400: "cannot be changed" when it is one of {@code fixed}.
     */
    public <T extends Record> T merge(T current, JsonNode patch, Set<String> fixed) {
        if (patch == null || !patch.isObject()) {
            throw InvalidParametersException.of("body", "must be a JSON object (a JSON Merge Patch)");
        }
        Set<String> editable = Arrays.stream(current.getClass().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        QueryParams problems = new QueryParams();
        patch.fieldNames().forEachRemaining(name -> {
            if (!editable.contains(name)) {
                problems.reject(name, fixed.contains(name) ? "cannot be changed" : "unknown field");
            }
        });
        problems.check();
        try {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) current.getClass();
            return checks.valid(json.treeToValue(MergePatch.apply(json.valueToTree(current), patch), type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw InvalidParametersException.of("body", "has a field of the wrong type or format");
        }
    }
}
