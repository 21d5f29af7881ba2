package io.tacit.orm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSNode;

/** Reading Python syntax trees: classes, assignments, calls and literal values. */
final class PythonCode {
    private PythonCode() {
    }

    /** A call's arguments: positional expressions in order and keyword values by name. */
    record Arguments(List<TSNode> positional, Map<String, TSNode> keywords) {
        Optional<TSNode> at(int index) {
            return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
        }

        Optional<TSNode> keyword(String name) {
            return Optional.ofNullable(keywords.get(name));
        }

        /** The keyword if given, else the positional argument at {@code index}. */
        Optional<TSNode> argument(String name, int index) {
            Optional<TSNode> byName = keyword(name);
            return byName.isPresent() ? byName : at(index);
        }
    }

    /** A class statement at module level (decorated or not). */
    static List<TSNode> classes(TSNode block) {
        List<TSNode> classes = new ArrayList<>();
        for (TSNode statement : Syntax.namedChildren(block)) {
            if (Syntax.is(statement, "class_definition")) {
                classes.add(statement);
            }
            else if (Syntax.is(statement, "decorated_definition")) {
                Syntax.field(statement, "definition").filter(node -> Syntax.is(node, "class_definition"))
                        .ifPresent(classes::add);
            }
        }
        return classes;
    }

    static List<TSNode> bases(TSNode classNode) {
        return Syntax.field(classNode, "superclasses").map(Syntax::namedChildren).orElse(List.of()).stream()
                .filter(node -> !Syntax.is(node, "keyword_argument")).toList();
    }

    static List<TSNode> body(TSNode classNode) {
        return Syntax.field(classNode, "body").map(Syntax::namedChildren).orElse(List.of());
    }

    /** The assignment inside an expression statement ({@code name = value} or {@code name: T = value}). */
    static Optional<TSNode> assignment(TSNode statement) {
        if (!Syntax.is(statement, "expression_statement")) {
            return Optional.empty();
        }
        List<TSNode> children = Syntax.namedChildren(statement);
        if (children.size() == 1 && Syntax.is(children.get(0), "assignment")) {
            return Optional.of(children.get(0));
        }
        return Optional.empty();
    }

    /** The target name of an assignment when it is a plain identifier. */
    static Optional<String> target(Syntax syntax, TSNode assignment) {
        return Syntax.field(assignment, "left").filter(node -> Syntax.is(node, "identifier")).map(syntax::text);
    }

    static Optional<TSNode> value(TSNode assignment) {
        return Syntax.field(assignment, "right");
    }

    static Optional<TSNode> annotation(TSNode assignment) {
        return Syntax.field(assignment, "type");
    }

    /** The last name of a call's function: {@code models.ForeignKey(...)} gives {@code ForeignKey}. */
    static Optional<String> calledName(Syntax syntax, TSNode node) {
        if (!Syntax.is(node, "call")) {
            return Optional.empty();
        }
        return Syntax.field(node, "function").map(function -> lastName(syntax, function));
    }

    static String lastName(Syntax syntax, TSNode node) {
        if (Syntax.is(node, "attribute")) {
            return Syntax.field(node, "attribute").map(syntax::text).orElse(syntax.text(node));
        }
        return syntax.text(node);
    }

    static Arguments arguments(Syntax syntax, TSNode call) {
        List<TSNode> positional = new ArrayList<>();
        Map<String, TSNode> keywords = new LinkedHashMap<>();
        TSNode list = call.getChildByFieldName("arguments");
        for (TSNode argument : Syntax.namedChildren(list)) {
            if (Syntax.is(argument, "keyword_argument")) {
                TSNode name = argument.getChildByFieldName("name");
                TSNode value = argument.getChildByFieldName("value");
                if (!name.isNull() && !value.isNull()) {
                    keywords.put(syntax.text(name), value);
                }
            }
            else if (!Syntax.is(argument, "list_splat") && !Syntax.is(argument, "dictionary_splat")) {
                positional.add(argument);
            }
        }
        return new Arguments(positional, keywords);
    }

    /** A string literal's value (no interpolation); empty for anything else. */
    static Optional<String> string(Syntax syntax, TSNode node) {
        if (!Syntax.is(node, "string")) {
            return Optional.empty();
        }
        StringBuilder value = new StringBuilder();
        for (TSNode part : Syntax.namedChildren(node)) {
            if (Syntax.is(part, "interpolation")) {
                return Optional.empty();
            }
            if (Syntax.is(part, "string_content")) {
                value.append(syntax.text(part));
            }
        }
        return Optional.of(value.toString());
    }

    static Optional<Boolean> bool(Syntax syntax, TSNode node) {
        if (Syntax.is(node, "true")) {
            return Optional.of(true);
        }
        if (Syntax.is(node, "false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** String elements of a tuple or list literal (nested ones flattened one level into groups). */
    static List<List<String>> stringGroups(Syntax syntax, TSNode node) {
        List<List<String>> groups = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        for (TSNode element : Syntax.namedChildren(node)) {
            if (Syntax.is(element, "tuple") || Syntax.is(element, "list")) {
                List<String> group = new ArrayList<>();
                for (TSNode inner : Syntax.namedChildren(element)) {
                    string(syntax, inner).ifPresent(group::add);
                }
                groups.add(group);
            }
            else {
                string(syntax, element).ifPresent(flat::add);
            }
        }
        if (!flat.isEmpty()) {
            groups.add(flat);
        }
        return groups;
    }
}
