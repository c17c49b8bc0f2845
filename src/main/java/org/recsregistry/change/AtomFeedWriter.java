package org.recsregistry.change;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.function.Function;

/**
 * Writes status changes as an Atom feed (RFC 4287). The XML writer escapes markup; characters
 * that XML 1.0 cannot carry at all are dropped, so any evidence text gives a well-formed feed.
 */
final class AtomFeedWriter {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String HTML = "text/html";
    private static final String TITLE = "Recommendations Registry: status changes";

    private AtomFeedWriter() {
    }

    /**
     * @param id       the feed's permanent id
     * @param self     the URL this feed was fetched from
     * @param home     the registry's home page
     * @param pageUrl  the page of a recommendation, by id
     * @param jsonUrl  the JSON of a recommendation, by id
     */
    static byte[] write(StatusChanges.Latest latest, URI id, URI self, URI home, Function<String, URI> pageUrl,
                        Function<String, URI> jsonUrl) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", id.toString());
            element(xml, "title", TITLE);
            // Atom requires updated; a feed without status changes yet has never been updated.
            Instant updated = latest.updated();
            element(xml, "updated", (updated == null ? Instant.EPOCH : updated).toString());
            xml.writeStartElement("author");
            element(xml, "name", "Recommendations Registry");
            xml.writeEndElement();
            link(xml, "self", MEDIA_TYPE, self);
            link(xml, "alternate", HTML, home);
            for (StatusChanges.StatusChange change : latest.changes()) {
                entry(xml, change, pageUrl.apply(change.recommendationId()), jsonUrl.apply(change.recommendationId()));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return bytes.toByteArray();
    }

    /** What a feed reader lists: the change as a person would say it, and which recommendation it concerns. */
    static String title(StatusChanges.StatusChange change) {
        return change.headline() + " — " + change.recommendationId();
    }

    static String summary(StatusChanges.StatusChange change) {
        StringBuilder text = new StringBuilder("Effective ").append(change.effectiveDate()).append('.');
        if (change.evidenceTitle() != null) {
            text.append(" Evidence: ").append(change.evidenceTitle());
            if (change.evidenceExcerpt() != null) {
                text.append(" — ").append(change.evidenceExcerpt());
            }
        }
        return text.toString();
    }

    private static void entry(XMLStreamWriter xml, StatusChanges.StatusChange change, URI page, URI json)
            throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + change.id());
        element(xml, "title", title(change));
        element(xml, "updated", change.occurredAt().toString());
        // Readers open the first alternate: the page; the JSON is the same record for programs.
        link(xml, "alternate", HTML, page);
        link(xml, "alternate", "application/json", json);
        xml.writeStartElement("summary");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(clean(summary(change)));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, URI href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href.toString()));
    }

    /** Drops what XML 1.0 forbids even escaped: control characters other than tab, CR and LF, and U+FFFE/U+FFFF. */
    static String clean(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(AtomFeedWriter::allowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
