package org.recsregistry.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class WebhookTargetsTest {

    @Test
    void shouldRefuseTargetsInsideTheNetwork() {
        for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "0.0.0.0", "10.1.2.3", "172.16.0.9",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "224.0.0.1", "[::1]", "[::]", "[fe80::1]", "[fd00:ec2::254]",
                "[fc00::1]", "[ff02::1]", "[::ffff:10.0.0.1]", "[::127.0.0.1]")) {
            assertNotNull(WebhookTargets.refusal("http://" + host + ":8080/hook"), host);
        }
    }

    @Test
    void shouldLetPublicAddressesThrough() {
        for (String host : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "[2606:4700::1111]")) {
            assertNull(WebhookTargets.refusal("https://" + host + "/hook"), host);
        }
    }
}
