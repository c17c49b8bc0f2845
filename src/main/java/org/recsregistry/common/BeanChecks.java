package org.recsregistry.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.Set;

/** Validates an object built inside a service (a merged patch, say) and answers 400 naming each field. */
@ApplicationScoped
public class BeanChecks {

    @Inject
    Validator validator;

    public <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidParametersException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new Problem.InvalidParam(field(v.getPropertyPath().toString()), v.getMessage()))
                    .toList());
        }
        return value;
    }

    /** "addressees[0].<list element>" reads better as "addressees[0]". */
    private static String field(String path) {
        return path.replace(".<list element>", "");
    }
}
