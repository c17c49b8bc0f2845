package org.recsregistry.web;

import io.quarkus.qute.TemplateExtension;
import org.recsregistry.common.WireEnum;

/** Vocabulary values in words for the pages: "not_implemented" reads "not implemented". */
@TemplateExtension
public final class Labels {

    private Labels() {
    }

    static String label(WireEnum value) {
        return value == null ? "" : value.wire().replace('_', ' ');
    }
}
