package io.jenkins.plugins.mlcicd.jenkins.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON trees and the plain values a Pipeline script handles: {@link LinkedHashMap},
 * {@link ArrayList}, {@link String}, {@link Integer}/{@link Long}/{@link BigInteger}, {@link Double},
 * {@link Boolean} and null. Those are what CPS serializes without a class-filter exception, so a step
 * returns them rather than engine types; and a script's inline maps come in the same way.
 */
public final class PlainValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlainValues() {
    }

    /** A JSON tree as plain Java values; objects keep their key order. */
    public static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), toPlain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toPlain(element)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /**
     * A script's value (nested maps, lists, strings, numbers, booleans) as a JSON tree.
     *
     * @param where the argument's name, e.g. {@code policy}; errors name the path below it
     * @throws BadInputException for a value of another type (a closure, a file, an object)
     */
    public static JsonNode toTree(String where, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof CharSequence key)) {
                    throw new BadInputException(where + ": map keys must be strings, not " + typeName(entry.getKey()));
                }
                object.set(key.toString(), toTree(where + "." + key, entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                array.add(toTree(where + "[" + i + "]", list.get(i)));
            }
            return array;
        }
        if (value instanceof CharSequence text) {
            // GStrings too: "${x}" in a script is a CharSequence, not a String
            return NODES.textNode(text.toString());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof BigDecimal decimal) {
            // Groovy's 0.005 is a BigDecimal: keep it exact
            return NODES.numberNode(decimal);
        }
        if (value instanceof BigInteger integer) {
            return NODES.numberNode(integer);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        throw new BadInputException(where + ": a value of type " + typeName(value)
                + " is not allowed here; use strings, numbers, booleans, lists and maps");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
