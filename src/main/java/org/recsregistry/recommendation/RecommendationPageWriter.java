package org.recsregistry.recommendation;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.recsregistry.recommendation.dto.RecommendationPage;

import java.io.OutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a page of the list around its items' stored JSON, byte for byte, with its length known
 * up front: the items are already the JSON of RecommendationItem (RecommendationItemJsonTest), so
 * Jackson would only decode and encode them again.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationPageWriter implements MessageBodyWriter<RecommendationPage> {

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.UTF_8);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RecommendationPage.class;
    }

    @Override
    public void writeTo(RecommendationPage page, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        // A cursor is base64url (Cursor#encode): nothing in it needs escaping in a JSON string.
        byte[] end = ("],\"total\":" + page.total() + ",\"nextCursor\":"
                + (page.nextCursor() == null ? "null" : '"' + page.nextCursor() + '"') + '}')
                .getBytes(StandardCharsets.US_ASCII);
        int length = ITEMS.length + end.length + Math.max(0, page.items().size() - 1);
        for (byte[] item : page.items()) {
            length += item.length;
        }
        // One write of the whole page: Quarkus' output stream takes a pooled buffer for each write
        // and hands every full buffer to the event loop: a hundred small writes cost far more than one copy.
        ByteBuffer body = ByteBuffer.allocate(length).put(ITEMS);
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                body.put((byte) ',');
            }
            body.put(page.items().get(i));
        }
        body.put(end);
        headers.putSingle(HttpHeaders.CONTENT_LENGTH, length);
        out.write(body.array());
    }
}
