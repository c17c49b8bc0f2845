package org.recsregistry.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The committed contract, openapi/openapi.yaml, as a checker of answers: whether an operation
 * documents a status, which headers it requires, which media types it declares, and whether a JSON
 * body matches the declared schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
final class Contract {

    static final Path FILE = Path.of("openapi", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Contract INSTANCE = load();

    /** One documented operation, matched by method and path template. */
    record Operation(String method, String template, Pattern path, JsonNode node, String pointer) {
    }

    private final String uri;
    private final List<Operation> operations;
    private final JsonSchemaFactory schemas;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private Contract(String uri, List<Operation> operations, JsonSchemaFactory schemas) {
        this.uri = uri;
        this.operations = operations;
        this.schemas = schemas;
    }

    static Contract get() {
        return INSTANCE;
    }

    private static Contract load() {
        try {
            JsonNode document = new YAMLMapper().readTree(FILE.toFile());
            String uri = FILE.toAbsolutePath().toUri().toString();
            String json = new ObjectMapper().writeValueAsString(document);
            JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(uri, json))));
            List<Operation> operations = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            Pattern.compile(path.getKey().replace(".", "\\.").replaceAll("\\{[^}]+}", "[^/]+")),
                            op.getValue(), "/paths/" + escape(path.getKey()) + "/" + op.getKey()));
                }
            }));
            // A literal segment beats a template (/changes/stream before /changes/{id}).
            operations.sort(Comparator.comparingLong(o -> o.template().chars().filter(c -> c == '{').count()));
            return new Contract(uri, List.copyOf(operations), schemas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation documented for this method and raw path, if any. */
    Optional<Operation> operation(String method, String path) {
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches())
                .findFirst();
    }

    /** Every way the answer departs from the contract; empty when it conforms. */
    List<String> check(Operation operation, int status, Map<String, String> headers, String contentType, byte[] body) {
        List<String> faults = new ArrayList<>();
        String where = operation.method() + " " + operation.template() + " (" + operation.node().path("operationId").asText() + ")";
        String key = Integer.toString(status);
        JsonNode responses = operation.node().path("responses");
        if (!responses.has(key)) {
            key = responses.has(key.charAt(0) + "XX") ? key.charAt(0) + "XX" : "default";
        }
        JsonNode response = responses.path(key);
        if (response.isMissingNode()) {
            faults.add(where + " answered " + status + ", which the contract does not document");
            return faults;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            if (header.getValue().path("required").asBoolean(false)
                    && !headers.containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
                faults.add(where + " answered " + status + " without the required header " + header.getKey());
            }
        }
        JsonNode content = response.path("content");
        if (body.length == 0 || status == 204 || status == 304) {
            return faults;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            faults.add(where + " answered " + status + " with a body the contract does not declare");
            return faults;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode declared = content.path(mediaType);
        if (declared.isMissingNode()) {
            faults.add(where + " answered " + status + " with " + mediaType + "; the contract declares "
                    + iterable(content.fieldNames()));
            return faults;
        }
        if ((mediaType.equals("application/json") || mediaType.endsWith("+json")) && declared.has("schema")) {
            String pointer = operation.pointer() + "/responses/" + escape(key) + "/content/" + escape(mediaType) + "/schema";
            try {
                JsonNode value = new ObjectMapper().readTree(body);
                for (ValidationMessage message : schema(pointer).validate(value)) {
                    faults.add(where + " answered " + status + " with a body that breaks the schema: " + message);
                }
            } catch (IOException e) {
                faults.add(where + " answered " + status + " with " + mediaType + " that is not JSON: " + e.getMessage());
            }
        }
        return faults;
    }

    private JsonSchema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(uri + "#" + p)));
    }

    /** JSON Pointer escaping of one reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
