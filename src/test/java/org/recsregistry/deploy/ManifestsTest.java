package org.recsregistry.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the Kubernetes manifests under k8s/ against what the application serves and reads:
 * every manifest parses with the fabric8 model, and the base and each overlay, rendered, have
 * probes on the real health paths and port, only environment variables that the application
 * reads, the image Jib builds, a non-root read-only container, 2+ replicas, resources, a graceful
 * shutdown that fits, and a database connection count that stays bounded as replicas grow.
 */
class ManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String APP = "recommendations-registry";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Properties PROPERTIES = applicationProperties();
    private static final Properties IMAGE = imageProfileProperties();

    /**
     * Quarkus and MicroProfile settings that the manifests set on purpose although
     * application.properties leaves them at their defaults; each is a documented Quarkus key.
     */
    private static final Set<String> PLATFORM_KEYS = Set.of(
            "quarkus.http.port",
            "quarkus.datasource.jdbc.max-size",
            "quarkus.datasource.jdbc.min-size",
            "quarkus.datasource.jdbc.initial-size",
            "quarkus.datasource.jdbc.idle-removal-interval",
            "quarkus.datasource.jdbc.acquisition-timeout",
            "quarkus.shutdown.timeout",
            "mp.jwt.verify.publickey.location");

    @Test
    void everyManifestParsesWithTheKubernetesModel() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(K8S)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 10, "manifests under k8s/: " + files);
        for (Path file : files) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (Map<String, Object> doc : Kustomizations.documents(file)) {
                HasMetadata resource = typed(doc);
                assertNotNull(resource.getMetadata().getName(), file + ": a resource without a name");
                if (resource instanceof GenericKubernetesResource) {
                    assertEquals("postgresql.cnpg.io/v1", resource.getApiVersion(),
                            file + ": " + resource.getKind() + " is not a known Kubernetes kind");
                }
            }
        }
    }

    @Test
    void theSecretTemplateHoldsNoSecret() {
        List<Map<String, Object>> docs = Kustomizations.documents(K8S.resolve("base/secret.template.yaml"));
        assertEquals(1, docs.size());
        Secret secret = (Secret) typed(docs.get(0));
        assertTrue(secret.getData() == null || secret.getData().isEmpty(), "base64 data in the template");
        assertFalse(secret.getStringData().isEmpty());
        secret.getStringData().forEach((key, value) ->
                assertTrue(value.startsWith("REPLACE_ME"), key + " is not a placeholder: the template must hold no secret"));
        for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
            assertTrue(Kustomizations.render(K8S.resolve(dir)).stream().noneMatch(r -> "Secret".equals(r.get("kind"))),
                    dir + " must not render a Secret");
        }
    }

    @Test
    void productionRunsThreeDatabaseInstances() {
        for (String dir : List.of("base", "overlays/prod")) {
            GenericKubernetesResource cluster = only(typedAll(Kustomizations.render(K8S.resolve(dir))), GenericKubernetesResource.class,
                    "Cluster");
            assertEquals(3, ((Number) spec(cluster).get("instances")).intValue(), dir);
        }
    }

    @TestFactory
    Stream<DynamicTest> renderedManifestsMatchTheApplication() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
            tests.add(DynamicTest.dynamicTest(dir, () -> check(dir, Kustomizations.render(K8S.resolve(dir)))));
        }
        // Where kubectl is installed, its own kustomize must render the same and pass the same checks.
        if (kubectlAvailable()) {
            for (String dir : List.of("overlays/dev", "overlays/prod")) {
                tests.add(DynamicTest.dynamicTest(dir + " (kubectl kustomize)", () -> {
                    List<Map<String, Object>> rendered = kubectlKustomize(K8S.resolve(dir));
                    check(dir + " (kubectl)", rendered);
                    assertEquals(summary(Kustomizations.render(K8S.resolve(dir))), summary(rendered),
                            "the Java rendering differs from kubectl kustomize");
                }));
            }
        }
        return tests.stream();
    }

    private static void check(String label, List<Map<String, Object>> docs) {
        List<HasMetadata> resources = typedAll(docs);
        int port = Integer.parseInt(PROPERTIES.getProperty("quarkus.http.port", "8080"));

        Deployment deployment = only(resources, Deployment.class, "Deployment");
        assertEquals(APP, deployment.getMetadata().getName());
        assertTrue(deployment.getSpec().getReplicas() >= 2, label + ": replicas >= 2");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));
        assertEquals(1, pod.getContainers().size(), label + ": one container");
        Container container = pod.getContainers().get(0);

        // Image: the one Jib builds (group/name from application.properties), wherever it is pushed.
        String image = container.getImage();
        String repository = image.replaceAll("@.*$", "").replaceAll(":[^:/]+$", "");
        String[] parts = repository.split("/");
        String path = parts.length > 2 || parts[0].contains(".") || parts[0].contains(":")
                ? repository.substring(repository.indexOf('/') + 1) : repository;
        assertEquals(IMAGE.getProperty("quarkus.container-image.group") + "/"
                + IMAGE.getProperty("quarkus.container-image.name"), path, label + ": image " + image);

        // Port and probes: where the application listens and what it serves.
        ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(label + ": no port named http"));
        assertEquals(port, http.getContainerPort(), label + ": container port = quarkus.http.port");
        assertEquals(1, container.getPorts().size());
        assertProbe(label + " liveness", container.getLivenessProbe(), Set.of("/q/health/live"), container, port);
        assertProbe(label + " readiness", container.getReadinessProbe(), Set.of("/q/health/ready"), container, port);
        assertProbe(label + " startup", container.getStartupProbe(), Set.of("/q/health/live", "/q/health/started"), container, port);

        // Environment: only names the application reads.
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            assertNotNull(from.getConfigMapRef(), label + ": envFrom only from ConfigMaps");
            ConfigMap map = resources.stream().filter(r -> r instanceof ConfigMap
                    && r.getMetadata().getName().equals(from.getConfigMapRef().getName())).map(ConfigMap.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError(label + ": missing ConfigMap " + from.getConfigMapRef().getName()));
            env.putAll(map.getData());
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue());
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                assertSecretExists(label, var.getValueFrom().getSecretKeyRef().getName(),
                        var.getValueFrom().getSecretKeyRef().getKey(), resources);
            }
        }
        Set<String> readable = environmentNamesReadByTheApplication();
        for (String name : env.keySet()) {
            assertTrue(readable.contains(name), label + ": the application reads no " + name);
        }
        for (String required : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "REGISTRY_ADMIN_TOKEN")) {
            assertTrue(env.containsKey(required), label + ": " + required + " is not set");
        }
        assertEquals("false", env.get("REGISTRY_DB_EMBEDDED"), label + ": no embedded database in a pod");
        if (env.containsKey("QUARKUS_HTTP_PORT")) {
            assertEquals(String.valueOf(port), env.get("QUARKUS_HTTP_PORT"));
        }

        // Prometheus scrapes /q/metrics on the http port; behind the Ingress, rate limits see the
        // client's address, which is only believed from the trusted proxies.
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        assertNotNull(annotations, label + ": pod annotations");
        assertEquals("true", annotations.get("prometheus.io/scrape"), label + ": scraped");
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"), label + ": metrics path");
        assertEquals(String.valueOf(port), annotations.get("prometheus.io/port"), label + ": metrics port");
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), label + ": forwarded addresses");
        assertNotNull(env.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"), label + ": forwarding without trusted proxies trusts everyone");

        // Non-root, read-only, nothing to escalate; /tmp is the writable emptyDir.
        PodSecurityContext podSecurity = pod.getSecurityContext();
        assertEquals(Boolean.TRUE, podSecurity.getRunAsNonRoot(), label + ": pod runAsNonRoot");
        assertEquals(Long.valueOf(IMAGE.getProperty("quarkus.jib.user")), podSecurity.getRunAsUser(),
                label + ": the image's user (quarkus.jib.user)");
        SecurityContext security = container.getSecurityContext();
        assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), label + ": readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), label + ": allowPrivilegeEscalation");
        assertTrue(security.getRunAsNonRoot() == null || security.getRunAsNonRoot(), label + ": container runAsNonRoot");
        assertTrue(security.getRunAsUser() == null || security.getRunAsUser() != 0, label + ": not root");
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        VolumeMount tmp = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError(label + ": /tmp is not mounted"));
        Volume tmpVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
        assertNotNull(tmpVolume.getEmptyDir(), label + ": /tmp is an emptyDir");

        // Resources.
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertTrue(requests.containsKey("cpu") && requests.containsKey("memory"), label + ": requests");
        assertTrue(limits.containsKey("cpu") && limits.containsKey("memory"), label + ": limits");
        assertTrue(Quantity.getAmountInBytes(requests.get("memory")).compareTo(Quantity.getAmountInBytes(limits.get("memory"))) <= 0);

        // Graceful shutdown: preStop + quarkus.shutdown.timeout fit in the grace period.
        Duration shutdown = Duration.parse("PT" + env.get("QUARKUS_SHUTDOWN_TIMEOUT"));
        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        assertTrue(pod.getTerminationGracePeriodSeconds() > shutdown.toSeconds() + preStop,
                label + ": terminationGracePeriodSeconds must exceed preStop + quarkus.shutdown.timeout");

        // Service, Ingress, HPA, PDB, NetworkPolicy all point at these pods and this port.
        Service service = only(resources, Service.class, "Service");
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), label + ": Service selector");
        ServicePort servicePort = service.getSpec().getPorts().get(0);
        assertTargetsHttp(label + " Service", servicePort.getTargetPort(), port);
        IngressServiceBackend backend = only(resources, Ingress.class, "Ingress").getSpec().getRules().get(0).getHttp()
                .getPaths().get(0).getBackend().getService();
        assertEquals(service.getMetadata().getName(), backend.getName());
        assertEquals(servicePort.getName(), backend.getPort().getName());
        HorizontalPodAutoscaler hpa = only(resources, HorizontalPodAutoscaler.class, "HorizontalPodAutoscaler");
        assertEquals(APP, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, label + ": HPA minReplicas >= 2");
        assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
        PodDisruptionBudget pdb = only(resources, PodDisruptionBudget.class, "PodDisruptionBudget");
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
        assertTrue(pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas(),
                label + ": the PDB must let a node drain");
        NetworkPolicy policy = resources.stream().filter(r -> r instanceof NetworkPolicy && r.getMetadata().getName().equals(APP))
                .map(NetworkPolicy.class::cast).findFirst().orElseThrow(() -> new AssertionError(label + ": no NetworkPolicy"));
        assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()));
        for (NetworkPolicyPort p : policy.getSpec().getIngress().get(0).getPorts()) {
            assertTargetsHttp(label + " NetworkPolicy", p.getPort(), port);
        }

        // The database: the JDBC URL names the session-mode Pooler (LISTEN/NOTIFY) or the primary.
        GenericKubernetesResource cluster = only(resources, GenericKubernetesResource.class, "Cluster");
        GenericKubernetesResource pooler = only(resources, GenericKubernetesResource.class, "Pooler");
        String clusterName = cluster.getMetadata().getName();
        assertEquals(clusterName, ((Map<?, ?>) spec(pooler).get("cluster")).get("name"));
        String host = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length())).getHost();
        Map<?, ?> pgbouncer = (Map<?, ?>) spec(pooler).get("pgbouncer");
        if (host.equals(pooler.getMetadata().getName())) {
            assertEquals("session", pgbouncer.get("poolMode"),
                    label + ": LISTEN needs session mode (transaction mode loses notifications)");
        } else {
            assertEquals(clusterName + "-rw", host, label + ": the datasource must reach the primary");
        }
        // Connections stay bounded as replicas grow: every replica's pool fits the Pooler's server
        // connections, and those fit PostgreSQL's max_connections with room for replication and admin.
        int maxSize = Integer.parseInt(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        int poolerInstances = ((Number) spec(pooler).get("instances")).intValue();
        Map<?, ?> parameters = (Map<?, ?>) pgbouncer.get("parameters");
        int serverConnections = poolerInstances * Integer.parseInt((String) parameters.get("max_db_connections"));
        assertTrue(hpa.getSpec().getMaxReplicas() * maxSize <= serverConnections,
                label + ": HPA maxReplicas x jdbc max-size exceeds the Pooler's server connections " + serverConnections);
        int maxConnections = Integer.parseInt((String) ((Map<?, ?>) ((Map<?, ?>) spec(cluster).get("postgresql"))
                .get("parameters")).get("max_connections"));
        assertTrue(serverConnections + 10 <= maxConnections, label + ": Pooler connections must leave room in max_connections");
    }

    private static void assertProbe(String label, Probe probe, Set<String> paths, Container container, int port) {
        assertNotNull(probe, label + " probe");
        assertNotNull(probe.getHttpGet(), label + " is an HTTP probe");
        assertTrue(paths.contains(probe.getHttpGet().getPath()), label + " path " + probe.getHttpGet().getPath());
        assertTargetsHttp(label, probe.getHttpGet().getPort(), port);
    }

    private static void assertTargetsHttp(String label, IntOrString target, int port) {
        if (target.getStrVal() != null) {
            assertEquals("http", target.getStrVal(), label + " port name");
        } else {
            assertEquals(port, target.getIntVal(), label + " port");
        }
    }

    private static void assertSecretExists(String label, String name, String key, List<HasMetadata> resources) {
        // CloudNativePG creates <cluster>-app with username, password, uri, ... for the application user.
        boolean cnpg = resources.stream().anyMatch(r -> "Cluster".equals(r.getKind()) && name.equals(r.getMetadata().getName() + "-app"));
        if (cnpg) {
            assertTrue(Set.of("username", "password").contains(key), label + ": " + name + " has no key " + key);
            return;
        }
        Secret template = (Secret) typed(Kustomizations.documents(K8S.resolve("base/secret.template.yaml")).get(0));
        assertEquals(template.getMetadata().getName(), name, label + ": unknown Secret " + name);
        assertTrue(template.getStringData().containsKey(key), label + ": the Secret template has no " + key);
    }

    /** Environment variable names of every configuration key the application reads. */
    static Set<String> environmentNamesReadByTheApplication() {
        Set<String> keys = new TreeSet<>(PLATFORM_KEYS);
        for (String key : PROPERTIES.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        Pattern literal = Pattern.compile("\"((?:registry|quarkus|mp|smallrye)\\.[a-z0-9.\\-]+)\"");
        Pattern mapping = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
        Pattern method = Pattern.compile("^\\s+[\\w<>.]+\\s+(\\w+)\\(\\)\\s*;", Pattern.MULTILINE);
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                String source = Files.readString(file);
                Matcher m = literal.matcher(source);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                Matcher prefix = mapping.matcher(source);
                if (prefix.find()) {
                    Matcher methods = method.matcher(source);
                    while (methods.find()) {
                        keys.add(prefix.group(1) + "." + methods.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys.stream().map(k -> k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()).collect(Collectors.toSet());
    }

    @Test
    void environmentNamesComeFromTheApplicationsConfiguration() {
        Set<String> names = environmentNamesReadByTheApplication();
        // From application.properties, a @ConfigProperty, the @ConfigMapping and the embedded-database switch.
        assertTrue(names.containsAll(Set.of("REGISTRY_DATASET_IMPORT", "REGISTRY_ADMIN_TOKEN", "REGISTRY_RATE_LIMIT_READS_PER_SECOND",
                "REGISTRY_DB_EMBEDDED", "QUARKUS_DATASOURCE_JDBC_URL", "MP_JWT_VERIFY_ISSUER")), names.toString());
        assertFalse(names.contains("REGISTRY_NO_SUCH_SETTING"));
    }

    private static HasMetadata typed(Map<String, Object> doc) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(doc), HasMetadata.class);
    }

    private static List<HasMetadata> typedAll(List<Map<String, Object>> docs) {
        return docs.stream().map(ManifestsTest::typed).collect(Collectors.toList());
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> resources, Class<T> type, String kind) {
        List<T> found = resources.stream().filter(r -> type.isInstance(r) && kind.equals(r.getKind())).map(type::cast)
                .collect(Collectors.toList());
        assertEquals(1, found.size(), "exactly one " + kind);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static Set<String> summary(List<Map<String, Object>> docs) {
        return typedAll(docs).stream().map(r -> {
            String extra = r instanceof Deployment d ? " image=" + d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                    + " replicas=" + d.getSpec().getReplicas() : "";
            return r.getKind() + "/" + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName() + extra;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The properties of the pom's {@code image} profile, where the Jib and image settings live. */
    private static Properties imageProfileProperties() {
        Properties properties = new Properties();
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
            NodeList profiles = pom.getElementsByTagName("profile");
            for (int i = 0; i < profiles.getLength(); i++) {
                Element profile = (Element) profiles.item(i);
                if (!"image".equals(profile.getElementsByTagName("id").item(0).getTextContent())) {
                    continue;
                }
                NodeList children = profile.getElementsByTagName("properties").item(0).getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    if (children.item(j) instanceof Element property) {
                        properties.setProperty(property.getTagName(), property.getTextContent().trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("pom.xml does not parse", e);
        }
        assertNotNull(properties.getProperty("quarkus.jib.user"), "pom.xml: the image profile sets quarkus.jib.user");
        return properties;
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<Map<String, Object>> kubectlKustomize(Path dir) throws Exception {
        Path out = Files.createTempFile("kustomize", ".yaml");
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize took too long");
            assertEquals(0, p.exitValue(), "kubectl kustomize " + dir);
            return Kustomizations.documents(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
