package io.tacit.openmetadata.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** RFC 6902 JSON Patch (add, remove, replace, test) on Jackson trees, in the order OpenMetadata applies it. */
final class JsonPatch {
    private JsonPatch() {
    }

    static final class PatchException extends RuntimeException {
        PatchException(String message) {
            super(message);
        }
    }

    static JsonNode apply(JsonNode document, JsonNode patch) {
        if (!patch.isArray()) {
            throw new PatchException("a JSON Patch is an array of operations");
        }
        JsonNode result = document.deepCopy();
        for (JsonNode operation : inServerOrder(patch)) {
            String op = operation.path("op").asText("");
            if (!operation.path("path").isTextual()) {
                throw new PatchException("operation without a path: " + operation);
            }
            List<String> path = parse(operation.path("path").asText());
            switch (op) {
                case "add" -> add(result, path, value(operation));
                case "remove" -> remove(result, path);
                case "replace" -> {
                    remove(result, path);
                    add(result, path, value(operation));
                }
                case "test" -> {
                    JsonNode actual = get(result, path);
                    if (actual == null || !actual.equals(value(operation))) {
                        throw new PatchException("test failed at " + operation.path("path").asText());
                    }
                }
                default -> throw new PatchException("unsupported patch operation '" + op + "'");
            }
        }
        return result;
    }

    /**
     * The order OpenMetadata applies operations in, not the order sent: {@code JsonUtils.applyPatch} first runs
     * every add, replace and test (and other non-remove op), sorted by the integer made of all digits in the
     * path, then every remove in descending order of that integer (shared/reference/openmetadata.md,
     * "Corrections from reading the server source"). So a {@code test} always runs before any remove, and two
     * removes at /columns/1/tags/0 and /columns/1/tags/2 run as 12 then 10. Equal keys keep the sent order
     * (a stable sort; the server's tie order is not documented).
     */
    static List<JsonNode> inServerOrder(JsonNode patch) {
        List<JsonNode> others = new ArrayList<>();
        List<JsonNode> removes = new ArrayList<>();
        for (JsonNode operation : patch) {
            if (operation.path("op").asText("").equals("remove")) {
                removes.add(operation);
            } else {
                others.add(operation);
            }
        }
        others.sort(java.util.Comparator.comparing(JsonPatch::digits));
        removes.sort(java.util.Comparator.comparing(JsonPatch::digits).reversed());
        List<JsonNode> ordered = new ArrayList<>(others);
        ordered.addAll(removes);
        return ordered;
    }

    private static java.math.BigInteger digits(JsonNode operation) {
        String digits = operation.path("path").asText("").replaceAll("[^0-9]", "");
        return digits.isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(digits);
    }

    private static JsonNode value(JsonNode operation) {
        if (!operation.has("value")) {
            throw new PatchException("operation without a value: " + operation);
        }
        return operation.get("value");
    }

    static List<String> parse(String pointer) {
        List<String> parts = new ArrayList<>();
        if (pointer.isEmpty()) {
            return parts;
        }
        if (!pointer.startsWith("/")) {
            throw new PatchException("bad JSON pointer '" + pointer + "'");
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            parts.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static JsonNode get(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String part : path) {
            if (node == null) {
                return null;
            }
            node = node.isArray() ? node.get(index(part, node.size() - 1)) : node.get(part);
        }
        return node;
    }

    private static JsonNode parent(JsonNode root, List<String> path) {
        JsonNode parent = get(root, path.subList(0, path.size() - 1));
        if (parent == null || !(parent.isObject() || parent.isArray())) {
            throw new PatchException("no container at /" + String.join("/", path.subList(0, path.size() - 1)));
        }
        return parent;
    }

    private static void add(JsonNode root, List<String> path, JsonNode value) {
        if (path.isEmpty()) {
            throw new PatchException("cannot replace the whole document");
        }
        JsonNode parent = parent(root, path);
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value.deepCopy());
        } else if (last.equals("-")) {
            ((ArrayNode) parent).add(value.deepCopy());
        } else {
            ((ArrayNode) parent).insert(index(last, parent.size()), value.deepCopy());
        }
    }

    private static void remove(JsonNode root, List<String> path) {
        if (path.isEmpty()) {
            throw new PatchException("cannot remove the whole document");
        }
        JsonNode parent = parent(root, path);
        String last = path.get(path.size() - 1);
        if (parent.isObject()) {
            if (!parent.has(last)) {
                throw new PatchException("nothing to remove at " + last);
            }
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(index(last, parent.size() - 1));
        }
    }

    private static int index(String part, int max) {
        try {
            int index = Integer.parseInt(part);
            if (index < 0 || index > max) {
                throw new PatchException("array index " + part + " out of range");
            }
            return index;
        } catch (NumberFormatException e) {
            throw new PatchException("bad array index '" + part + "'");
        }
    }
}
