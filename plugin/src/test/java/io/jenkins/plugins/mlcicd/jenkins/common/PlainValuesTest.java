package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainValuesTest {
    @Test
    void jsonBecomesPlainValuesInOrder() throws Exception {
        JsonNode tree = Json.mapper().readTree("""
                {"b": 1, "a": [true, null, 2.5, "x", 10000000000, 123456789012345678901234567890], "c": {"d": -3}}
                """);

        Object plain = PlainValues.toPlain(tree);

        assertThat(plain).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain;
        assertThat(map.keySet()).containsExactly("b", "a", "c");
        assertThat(map.get("b")).isEqualTo(1);
        assertThat(map.get("a")).isInstanceOf(ArrayList.class);
        assertThat(map.get("a")).isEqualTo(Arrays.asList(true, null, 2.5, "x", 10_000_000_000L,
                new BigInteger("123456789012345678901234567890")));
        assertThat(map.get("c")).isEqualTo(Map.of("d", -3));
    }

    @Test
    void scriptValuesBecomeJsonKeepingDecimalsExact() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("metric", new StringBuilder("auc")); // stands for a Groovy GString: a CharSequence
        rule.put("minImprovement", new BigDecimal("0.005"));
        rule.put("within", List.of(0.98f, 1.02d));
        rule.put("relative", Boolean.TRUE);
        rule.put("top", 3);

        JsonNode tree = PlainValues.toTree("policy", Map.of("rules", List.of(rule)));

        JsonNode first = tree.get("rules").get(0);
        assertThat(first.get("metric").asText()).isEqualTo("auc");
        assertThat(first.get("minImprovement").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(first.get("within").get(1).doubleValue()).isEqualTo(1.02);
        assertThat(first.get("relative").booleanValue()).isTrue();
        assertThat(first.get("top").intValue()).isEqualTo(3);
    }

    @Test
    void otherTypesAreRefusedWithTheirPath() {
        Map<String, Object> rule = Map.of("metric", new Object());

        assertThatThrownBy(() -> PlainValues.toTree("policy", Map.of("rules", List.of(rule))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("policy.rules[0].metric: a value of type Object is not allowed here; "
                        + "use strings, numbers, booleans, lists and maps");
    }

    @Test
    void mapKeysMustBeStrings() {
        assertThatThrownBy(() -> PlainValues.toTree("policy", Map.of(1, "x")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("policy: map keys must be strings");
    }

    @Test
    void roundTripIsLossless() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"x\": [1, 2.25, {\"y\": \"z\"}], \"n\": null}");

        assertThat(PlainValues.toTree("doc", PlainValues.toPlain(tree))).isEqualTo(tree);
    }
}
