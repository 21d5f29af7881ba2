package io.tacit.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterPython;
import org.treesitter.TreeSitterRuby;

/**
 * A parsed Ruby or Python file (tree-sitter) and the few questions the scanners ask of its nodes. Tree-sitter
 * recovers from syntax errors: what lies around an error is still a tree, so one bad line costs one warning,
 * not the file.
 */
final class Syntax {
    private static final int MAX_SYNTAX_WARNINGS = 3;

    private final SourceFile file;
    private final TSNode root;

    private Syntax(SourceFile file, TSNode root) {
        this.file = file;
        this.root = root;
    }

    // a parser is not thread-safe but can be reused: one per thread and language, made once
    private static final ThreadLocal<TSParser> RUBY = ThreadLocal.withInitial(() -> parser(new TreeSitterRuby()));
    private static final ThreadLocal<TSParser> PYTHON = ThreadLocal.withInitial(() -> parser(new TreeSitterPython()));

    static Syntax ruby(SourceFile file, List<ScanWarning> warnings) {
        return parse(RUBY.get(), file, warnings);
    }

    static Syntax python(SourceFile file, List<ScanWarning> warnings) {
        return parse(PYTHON.get(), file, warnings);
    }

    /** Parses a fragment (a SQLAlchemy {@code primaryjoin} string) as Python, with no warnings of its own. */
    static Syntax pythonFragment(SourceFile file) {
        return parse(PYTHON.get(), file, new ArrayList<>());
    }

    private static TSParser parser(TSLanguage language) {
        TSParser parser = new TSParser();
        parser.setLanguage(language);
        return parser;
    }

    private static Syntax parse(TSParser parser, SourceFile file, List<ScanWarning> warnings) {
        TSNode root = parser.parseString(null, file.text()).getRootNode();
        Syntax syntax = new Syntax(file, root);
        if (root.hasError()) {
            List<TSNode> errors = new ArrayList<>();
            syntax.collectErrors(root, errors);
            for (TSNode error : errors.subList(0, Math.min(errors.size(), MAX_SYNTAX_WARNINGS))) {
                String what = error.isMissing() ? "missing " + error.getType() : "unexpected text";
                int last = error.getEndPoint().getRow() + 1;
                String span = last > line(error) ? " somewhere in lines " + line(error) + "-" + last : "";
                warnings.add(new ScanWarning(ScanWarning.Kind.SYNTAX, file.path(), line(error),
                        "syntax error (" + what + span + "); the rest of the file is still read"));
            }
            if (errors.size() > MAX_SYNTAX_WARNINGS) {
                warnings.add(new ScanWarning(ScanWarning.Kind.SYNTAX, file.path(), line(errors.get(MAX_SYNTAX_WARNINGS)),
                        (errors.size() - MAX_SYNTAX_WARNINGS) + " more syntax errors"));
            }
        }
        return syntax;
    }

    private void collectErrors(TSNode node, List<TSNode> errors) {
        if (node.isError() || node.isMissing()) {
            errors.add(node);
            return;
        }
        if (!node.hasError()) {
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collectErrors(node.getChild(i), errors);
        }
    }

    SourceFile file() {
        return file;
    }

    TSNode root() {
        return root;
    }

    String text(TSNode node) {
        return file.slice(node.getStartByte(), node.getEndByte());
    }

    static int line(TSNode node) {
        return node.getStartPoint().getRow() + 1;
    }

    static List<TSNode> namedChildren(TSNode node) {
        List<TSNode> children = new ArrayList<>();
        if (node == null || node.isNull()) {
            return children;
        }
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            if (!child.getType().equals("comment")) {
                children.add(child);
            }
        }
        return children;
    }

    static Optional<TSNode> field(TSNode node, String name) {
        TSNode child = node.getChildByFieldName(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(child);
    }

    static boolean is(TSNode node, String type) {
        return node != null && !node.isNull() && node.getType().equals(type);
    }
}
