package org.recsregistry.common;

import java.util.List;

/** Thrown when request parameters or fields are invalid; answered 400 with each one named. */
public class InvalidParametersException extends RuntimeException {

    private final transient List<Problem.InvalidParam> invalidParams;

    public InvalidParametersException(List<Problem.InvalidParam> invalidParams) {
        super(invalidParams.size() == 1 ? "1 parameter is invalid" : invalidParams.size() + " parameters are invalid");
        this.invalidParams = List.copyOf(invalidParams);
    }

    public static InvalidParametersException of(String name, String reason) {
        return new InvalidParametersException(List.of(new Problem.InvalidParam(name, reason)));
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
