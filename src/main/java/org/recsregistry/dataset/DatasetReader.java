package org.recsregistry.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the dataset from the classpath folder {@code dataset/}, strictly: an unknown field is an error. */
public final class DatasetReader {

    static final String FOLDER = "dataset/";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The whole dataset: the vocabulary and every source file of the manifest. */
    public record Dataset(DatasetFiles.Vocabulary vocabulary, List<DatasetFiles.SourceFile> sources) {
    }

    private DatasetReader() {
    }

    public static Dataset read() {
        DatasetFiles.Manifest manifest = read("manifest.yaml", DatasetFiles.Manifest.class);
        return new Dataset(read(manifest.vocabulary(), DatasetFiles.Vocabulary.class),
                manifest.sources().stream().map(name -> read(name, DatasetFiles.SourceFile.class)).toList());
    }

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = DatasetReader.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Dataset file missing: " + FOLDER + name);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Dataset file " + FOLDER + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
