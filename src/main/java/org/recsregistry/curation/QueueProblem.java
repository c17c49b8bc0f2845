package org.recsregistry.curation;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;

/** What a curator's work-queue entry lacks, most important first: the order is the queue's order. */
@Schema(name = "QueueProblem", type = SchemaType.STRING, enumeration = {"text_not_verified", "status_unknown",
        "event_without_url", "low_confidence_stale", "source_without_url"})
public enum QueueProblem implements WireEnum {
    /** A record without its verbatim text: nothing else about it can be checked against the source. */
    TEXT_NOT_VERIFIED,
    /** A (recommendation, addressee) pair with no event at all. */
    STATUS_UNKNOWN,
    /** An event whose evidence a reader cannot follow. */
    EVENT_WITHOUT_URL,
    /** A pair whose current status rests on a low-confidence event more than a year old. */
    LOW_CONFIDENCE_STALE,
    /** A source document without a link. */
    SOURCE_WITHOUT_URL;

    /** 1 for the most important. */
    public int priority() {
        return ordinal() + 1;
    }
}
