package org.recsregistry.common;

import org.junit.jupiter.api.Test;
import org.recsregistry.status.Status;

import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireEnumTest {

    /** In Turkish, the lower case of I is a dotless ı: the wire names must not follow the default locale. */
    @Test
    void shouldKeepWireNamesWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertEquals("not_implemented", Status.NOT_IMPLEMENTED.wire());
            assertEquals("partially_implemented", Status.PARTIALLY_IMPLEMENTED.wire());
            assertEquals(Optional.of(Status.IMPLEMENTED), WireEnum.parse(Status.class, "implemented"));
            assertEquals(Optional.empty(), WireEnum.parse(Status.class, "IMPLEMENTED"));
            assertEquals(Optional.empty(), WireEnum.parse(Status.class, null));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void shouldListTheAllowedNamesInDeclarationOrder() {
        assertEquals("not_implemented, in_progress, partially_implemented, implemented, rejected, superseded, unknown",
                WireEnum.allowed(Status.class));
    }
}
