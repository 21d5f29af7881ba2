package io.tacit.orm;

import io.tacit.model.Discriminator;
import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * Reads Django model modules with tree-sitter: fields and relations, {@code Meta} (db_table, abstract, proxy,
 * app_label, unique_together), abstract and multi-table inheritance, {@code "app.Model"} references,
 * {@code settings.AUTH_USER_MODEL} and generic relations. Names follow Django's defaults:
 * {@code <app_label>_<model>} tables, {@code <field>_id} foreign key columns.
 */
final class DjangoScanner {
    private static final Map<String, TypeFamily> FIELDS = Map.ofEntries(
            Map.entry("AutoField", TypeFamily.INTEGER), Map.entry("BigAutoField", TypeFamily.INTEGER),
            Map.entry("SmallAutoField", TypeFamily.INTEGER), Map.entry("IntegerField", TypeFamily.INTEGER),
            Map.entry("BigIntegerField", TypeFamily.INTEGER), Map.entry("SmallIntegerField", TypeFamily.INTEGER),
            Map.entry("PositiveIntegerField", TypeFamily.INTEGER),
            Map.entry("PositiveBigIntegerField", TypeFamily.INTEGER),
            Map.entry("PositiveSmallIntegerField", TypeFamily.INTEGER), Map.entry("CharField", TypeFamily.STRING),
            Map.entry("TextField", TypeFamily.STRING), Map.entry("SlugField", TypeFamily.STRING),
            Map.entry("EmailField", TypeFamily.STRING), Map.entry("URLField", TypeFamily.STRING),
            Map.entry("FileField", TypeFamily.STRING), Map.entry("ImageField", TypeFamily.STRING),
            Map.entry("FilePathField", TypeFamily.STRING), Map.entry("GenericIPAddressField", TypeFamily.STRING),
            Map.entry("UUIDField", TypeFamily.UUID), Map.entry("BooleanField", TypeFamily.BOOLEAN),
            Map.entry("NullBooleanField", TypeFamily.BOOLEAN), Map.entry("DateField", TypeFamily.DATE),
            Map.entry("DateTimeField", TypeFamily.TIMESTAMP), Map.entry("TimeField", TypeFamily.TIME),
            Map.entry("DurationField", TypeFamily.OTHER), Map.entry("DecimalField", TypeFamily.DECIMAL),
            Map.entry("FloatField", TypeFamily.FLOAT), Map.entry("BinaryField", TypeFamily.BINARY),
            Map.entry("JSONField", TypeFamily.JSON));

    /** Django's own models that projects point at without declaring them. */
    private static final Map<String, String> BUILT_IN_TABLES = Map.of(
            "auth.user", "auth_user", "auth.group", "auth_group", "auth.permission", "auth_permission",
            "contenttypes.contenttype", "django_content_type", "sites.site", "django_site");

    private final SourceTree tree;
    private final ScanCollector out = new ScanCollector(Framework.DJANGO);
    private final Map<String, List<DjangoClass>> byName = new LinkedHashMap<>();
    private final Map<DjangoClass, String> tables = new HashMap<>();
    private String authUserModel = "auth.User";

    private record DjangoClass(String name, String app, List<String> bases, Map<String, String> meta,
            Map<String, List<List<String>>> metaGroups, List<TSNode> fields, Syntax syntax, TSNode node) {
        SourceLocation location() {
            return syntax.file().at(Syntax.line(node));
        }

        boolean flag(String key) {
            return "True".equals(meta.get(key));
        }

        String label() {
            return app + "." + name;
        }
    }

    DjangoScanner(SourceTree tree) {
        this.tree = tree;
    }

    static boolean detects(SourceTree tree) {
        return tree.files("manage.py", "/models.py").stream().findAny().isPresent()
                || tree.files(".py").stream().anyMatch(file -> file.contains("/models/"));
    }

    CodeSchema scan() {
        for (String path : tree.files(".py")) {
            if (!isModelModule(path) && !isSettings(path)) {
                continue;
            }
            tree.read(path).ifPresent(file -> out.guard(path, () -> read(Syntax.python(file, out.warnings()), path)));
        }
        for (List<DjangoClass> classes : byName.values()) {
            for (DjangoClass model : classes) {
                if (isModel(model, 0) && !model.flag("abstract")) {
                    concreteTable(model).ifPresent(table -> tables.put(model, table));
                }
            }
        }
        for (DjangoClass model : tables.keySet().stream().sorted((a, b) -> a.label().compareTo(b.label())).toList()) {
            declare(model);
        }
        return out.build();
    }

    private static boolean isModelModule(String path) {
        return path.endsWith("models.py") || path.contains("/models/") || path.startsWith("models/");
    }

    private static boolean isSettings(String path) {
        return path.endsWith("settings.py") || path.contains("/settings/");
    }

    private void read(Syntax syntax, String path) {
        if (isSettings(path)) {
            for (TSNode statement : Syntax.namedChildren(syntax.root())) {
                PythonCode.assignment(statement).ifPresent(assignment -> {
                    if (PythonCode.target(syntax, assignment).filter("AUTH_USER_MODEL"::equals).isPresent()) {
                        PythonCode.value(assignment).flatMap(value -> PythonCode.string(syntax, value))
                                .ifPresent(value -> authUserModel = value);
                    }
                });
            }
            return;
        }
        String app = appLabel(path);
        for (TSNode classNode : PythonCode.classes(syntax.root())) {
            String name = Syntax.field(classNode, "name").map(syntax::text).orElse("");
            List<String> bases = PythonCode.bases(classNode).stream()
                    .map(base -> PythonCode.lastName(syntax, base)).toList();
            Map<String, String> meta = new LinkedHashMap<>();
            Map<String, List<List<String>>> groups = new LinkedHashMap<>();
            List<TSNode> fields = new ArrayList<>();
            for (TSNode statement : PythonCode.body(classNode)) {
                if (Syntax.is(statement, "class_definition")
                        && Syntax.field(statement, "name").map(syntax::text).filter("Meta"::equals).isPresent()) {
                    readMeta(syntax, statement, meta, groups);
                }
                else if (PythonCode.assignment(statement).isPresent()) {
                    fields.add(PythonCode.assignment(statement).get());
                }
            }
            String label = meta.getOrDefault("app_label", app);
            byName.computeIfAbsent(name, key -> new ArrayList<>())
                    .add(new DjangoClass(name, label, bases, meta, groups, fields, syntax, classNode));
        }
    }

    private static void readMeta(Syntax syntax, TSNode metaClass, Map<String, String> meta,
            Map<String, List<List<String>>> groups) {
        for (TSNode statement : PythonCode.body(metaClass)) {
            PythonCode.assignment(statement).ifPresent(assignment -> {
                Optional<String> key = PythonCode.target(syntax, assignment);
                Optional<TSNode> value = PythonCode.value(assignment);
                if (key.isEmpty() || value.isEmpty()) {
                    return;
                }
                Optional<String> text = PythonCode.string(syntax, value.get());
                if (text.isPresent()) {
                    meta.put(key.get(), text.get());
                }
                else if (Syntax.is(value.get(), "true") || Syntax.is(value.get(), "false")) {
                    meta.put(key.get(), syntax.text(value.get()));
                }
                else if (Syntax.is(value.get(), "tuple") || Syntax.is(value.get(), "list")) {
                    groups.put(key.get(), PythonCode.stringGroups(syntax, value.get()));
                }
            });
        }
    }

    /** The app a module belongs to: the folder holding {@code models.py} or the {@code models} package. */
    private static String appLabel(String path) {
        List<String> parts = List.of(path.split("/"));
        int models = parts.indexOf("models");
        int app = models > 0 ? models - 1 : parts.size() - 2;
        return app >= 0 ? parts.get(app) : "app";
    }

    // ---- which classes are models, and their tables

    private Optional<DjangoClass> resolveClass(String name, String app) {
        List<DjangoClass> candidates = byName.getOrDefault(name, List.of());
        for (DjangoClass candidate : candidates) {
            if (candidate.app().equals(app)) {
                return Optional.of(candidate);
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private boolean isModel(DjangoClass type, int depth) {
        if (depth > 20) {
            return false;
        }
        for (String base : type.bases()) {
            if (base.equals("Model")) {
                return true;
            }
            Optional<DjangoClass> parent = resolveClass(base, type.app());
            if (parent.isPresent() && isModel(parent.get(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The concrete model parent (multi-table inheritance) or, for a proxy, the model it stands for. */
    private Optional<DjangoClass> concreteParent(DjangoClass model) {
        for (String base : model.bases()) {
            Optional<DjangoClass> parent = resolveClass(base, model.app());
            if (parent.isPresent() && isModel(parent.get(), 0) && !parent.get().flag("abstract")) {
                return parent;
            }
        }
        return Optional.empty();
    }

    private Optional<String> concreteTable(DjangoClass model) {
        if (model.flag("proxy")) {
            return Optional.empty();
        }
        return Optional.of(model.meta().getOrDefault("db_table",
                model.app() + "_" + model.name().toLowerCase(Locale.ROOT)));
    }

    /** The table a reference to this model lands in: a proxy's concrete model's. */
    private Optional<String> tableFor(DjangoClass model) {
        DjangoClass current = model;
        for (int depth = 0; depth < 20 && current.flag("proxy"); depth++) {
            Optional<DjangoClass> parent = concreteParent(current);
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            current = parent.get();
        }
        return Optional.ofNullable(tables.get(current));
    }

    // ---- columns and relations

    private record Key(String column, String type, TypeFamily family) {
    }

    private Key primaryKey(DjangoClass model) {
        for (Field field : fields(model)) {
            if (field.keywordTrue("primary_key")) {
                return new Key(field.column(), field.type(), field.family());
            }
        }
        Optional<DjangoClass> parent = concreteParent(model);
        if (parent.isPresent()) {
            return new Key(parent.get().name().toLowerCase(Locale.ROOT) + "_ptr_id", "OneToOneField",
                    primaryKey(parent.get()).family());
        }
        return new Key("id", "BigAutoField", TypeFamily.INTEGER);
    }

    /** One field assignment of a model class, with the class it was written in. */
    private record Field(String name, String type, TypeFamily family, PythonCode.Arguments arguments,
            DjangoClass owner, TSNode node) {
        boolean keywordTrue(String keyword) {
            return arguments.keyword(keyword).flatMap(value -> PythonCode.bool(owner.syntax(), value)).orElse(false);
        }

        Optional<String> keywordString(String keyword) {
            return arguments.keyword(keyword).flatMap(value -> PythonCode.string(owner.syntax(), value));
        }

        boolean relation() {
            return type.equals("ForeignKey") || type.equals("OneToOneField");
        }

        String column() {
            return keywordString("db_column").orElse(relation() ? name + "_id" : name);
        }

        SourceLocation location() {
            return owner.syntax().file().at(Syntax.line(node));
        }
    }

    /** The fields of a model: those of its abstract bases first, then its own. */
    private List<Field> fields(DjangoClass model) {
        return fields(model, 0);
    }

    private List<Field> fields(DjangoClass model, int depth) {
        List<Field> fields = new ArrayList<>();
        for (String base : model.bases()) {
            // depth bounds a cycle of abstract bases (A(B), B(A)), which Python itself would refuse
            resolveClass(base, model.app()).filter(parent -> parent.flag("abstract") && parent != model && depth < 20)
                    .ifPresent(parent -> fields.addAll(fields(parent, depth + 1)));
        }
        Syntax syntax = model.syntax();
        for (TSNode assignment : model.fields()) {
            Optional<String> name = PythonCode.target(syntax, assignment);
            Optional<TSNode> value = PythonCode.value(assignment);
            if (name.isEmpty() || value.isEmpty()) {
                continue;
            }
            Optional<String> called = PythonCode.calledName(syntax, value.get());
            if (called.isEmpty()) {
                continue;
            }
            String type = called.get();
            boolean known = FIELDS.containsKey(type) || type.equals("ForeignKey") || type.equals("OneToOneField")
                    || type.equals("ManyToManyField") || type.equals("GenericForeignKey")
                    || type.equals("GenericRelation");
            if (!known && !type.endsWith("Field")) {
                continue;
            }
            fields.removeIf(field -> field.name().equals(name.get()));
            fields.add(new Field(name.get(), type, FIELDS.getOrDefault(type, TypeFamily.OTHER),
                    PythonCode.arguments(syntax, value.get()), model, assignment));
        }
        return fields;
    }

    private void declare(DjangoClass model) {
        String table = tables.get(model);
        ScanCollector.TableDraft draft = out.table(table, model.label(), model.location());
        Key key = primaryKey(model);
        Optional<DjangoClass> parent = concreteParent(model);
        if (parent.isPresent() && key.column().endsWith("_ptr_id")) {
            draft.column(key.column(), key.type(), key.family(), false);
            tableFor(parent.get()).ifPresent(parentTable -> out.edge(table, List.of(key.column()), parentTable,
                    List.of(primaryKey(parent.get()).column()), RelationshipKind.ONE_TO_ONE, Optional.empty(),
                    model.location(), "class " + model.name() + "(" + parent.get().name() + ") multi-table inheritance"));
        }
        else if (key.column().equals("id") && key.type().equals("BigAutoField")) {
            draft.column("id", "BigAutoField", TypeFamily.INTEGER, false);
        }
        draft.primaryKey(List.of(key.column()));
        for (Field field : fields(model)) {
            declareField(model, table, draft, field);
        }
        for (List<String> unique : model.metaGroups().getOrDefault("unique_together", List.of())) {
            List<String> columns = new ArrayList<>();
            for (String name : unique) {
                columns.add(fields(model).stream().filter(field -> field.name().equals(name)).findFirst()
                        .map(Field::column).orElse(name));
            }
            draft.unique(columns);
        }
    }

    private void declareField(DjangoClass model, String table, ScanCollector.TableDraft draft, Field field) {
        switch (field.type()) {
            case "ForeignKey", "OneToOneField" -> relation(model, table, draft, field);
            case "ManyToManyField" -> manyToMany(model, table, field);
            case "GenericForeignKey" -> genericForeignKey(field);
            case "GenericRelation" -> genericRelation(model, table, field);
            default -> {
                draft.column(field.column(), field.type(), field.family(),
                        field.keywordTrue("null") && !field.keywordTrue("primary_key"));
                if (field.keywordTrue("unique")) {
                    draft.unique(List.of(field.column()));
                }
            }
        }
    }

    /** The model a relation field points to, or empty with a warning when it is computed. */
    private Optional<Target> target(DjangoClass model, Field field) {
        Optional<TSNode> to = field.arguments().argument("to", 0);
        if (to.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, field.location(), field.type() + " " + field.name()
                    + " names no target model");
            return Optional.empty();
        }
        Syntax syntax = model.syntax();
        String text = syntax.text(to.get());
        Optional<String> label = PythonCode.string(syntax, to.get());
        if (text.equals("settings.AUTH_USER_MODEL")) {
            label = Optional.of(authUserModel);
        }
        else if (label.isEmpty() && (Syntax.is(to.get(), "identifier") || Syntax.is(to.get(), "attribute"))) {
            label = Optional.of(PythonCode.lastName(syntax, to.get()));
        }
        if (label.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, field.location(), field.type() + " " + field.name()
                    + " to " + text + ": a computed target, not read");
            return Optional.empty();
        }
        String reference = label.get().equals("self") ? model.label() : label.get();
        int dot = reference.indexOf('.');
        String app = dot < 0 ? model.app() : reference.substring(0, dot);
        String name = dot < 0 ? reference : reference.substring(dot + 1);
        Optional<DjangoClass> targetClass = resolveClass(name, app).filter(found -> dot < 0 || found.app().equals(app));
        if (targetClass.isPresent()) {
            Optional<String> table = tableFor(targetClass.get());
            if (table.isPresent()) {
                DjangoClass concrete = concreteOf(targetClass.get());
                Key key = primaryKey(concrete);
                Optional<String> toField = field.keywordString("to_field");
                if (toField.isPresent()) {
                    Optional<Field> referenced = fields(concrete).stream()
                            .filter(candidate -> candidate.name().equals(toField.get())).findFirst();
                    key = new Key(referenced.map(Field::column).orElse(toField.get()), "to_field",
                            referenced.map(Field::family).orElse(TypeFamily.OTHER));
                }
                return Optional.of(new Target(targetClass.get().name(), table.get(), key.column(), key.family()));
            }
        }
        String builtIn = BUILT_IN_TABLES.get((app + "." + name).toLowerCase(Locale.ROOT));
        if (builtIn == null && dot < 0) {
            // a class imported from django.contrib (ContentType, Group) is named without its app
            builtIn = BUILT_IN_TABLES.entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith("." + name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (builtIn != null) {
            // Django creates its own tables; the code names them, so the schema shows their keys
            String id = field.keywordString("to_field").orElse("id");
            out.table(builtIn, "django " + name, field.location()).column(id, "AutoField", TypeFamily.INTEGER, false)
                    .primaryKey(List.of(id));
            return Optional.of(new Target(name, builtIn, field.keywordString("to_field").orElse("id"),
                    TypeFamily.INTEGER));
        }
        out.warn(ScanWarning.Kind.UNRESOLVED, field.location(), field.type() + " " + field.name() + " to "
                + reference + ": no such model in the scanned code");
        return Optional.empty();
    }

    private DjangoClass concreteOf(DjangoClass model) {
        DjangoClass current = model;
        for (int depth = 0; depth < 20 && current.flag("proxy"); depth++) {
            current = concreteParent(current).orElse(current);
        }
        return current;
    }

    private record Target(String model, String table, String column, TypeFamily family) {
    }

    private void relation(DjangoClass model, String table, ScanCollector.TableDraft draft, Field field) {
        Optional<Target> target = target(model, field);
        if (target.isEmpty()) {
            return;
        }
        boolean oneToOne = field.type().equals("OneToOneField");
        draft.column(field.column(), field.type(), target.get().family(), field.keywordTrue("null"));
        if (oneToOne || field.keywordTrue("unique")) {
            draft.unique(List.of(field.column()));
        }
        String declaration = field.type() + "(" + target.get().model() + ") " + field.name()
                + (field.arguments().keyword("db_constraint").map(model.syntax()::text).filter("False"::equals)
                        .isPresent() ? " db_constraint=False" : "");
        out.edge(table, List.of(field.column()), target.get().table(), List.of(target.get().column()),
                oneToOne ? RelationshipKind.ONE_TO_ONE : RelationshipKind.FOREIGN_KEY, Optional.empty(),
                field.location(), declaration);
    }

    private void manyToMany(DjangoClass model, String table, Field field) {
        if (field.arguments().keyword("through").isPresent()) {
            return;
        }
        Optional<Target> target = target(model, field);
        if (target.isEmpty()) {
            return;
        }
        String joinTable = field.keywordString("db_table").orElse(table + "_" + field.name());
        String own = model.name().toLowerCase(Locale.ROOT);
        String other = target.get().model().toLowerCase(Locale.ROOT);
        String from = own + "_id";
        String to = other + "_id";
        if (own.equals(other)) {
            from = "from_" + own + "_id";
            to = "to_" + other + "_id";
        }
        ScanCollector.TableDraft draft = out.table(joinTable, model.label() + "." + field.name(), field.location());
        draft.column("id", "AutoField", TypeFamily.INTEGER, false).primaryKey(List.of("id"));
        draft.column(from, "ForeignKey", primaryKey(model).family(), false);
        draft.column(to, "ForeignKey", target.get().family(), false);
        draft.unique(List.of(from, to));
        String declaration = "ManyToManyField(" + target.get().model() + ") " + field.name();
        out.edge(joinTable, List.of(from), table, List.of(primaryKey(model).column()), RelationshipKind.FOREIGN_KEY,
                Optional.empty(), field.location(), declaration);
        out.edge(joinTable, List.of(to), target.get().table(), List.of(target.get().column()),
                RelationshipKind.FOREIGN_KEY, Optional.empty(), field.location(), declaration);
    }

    private void genericForeignKey(Field field) {
        boolean targeted = tables.keySet().stream().anyMatch(model -> fields(model).stream()
                .anyMatch(other -> other.type().equals("GenericRelation")
                        && other.arguments().at(0).map(value -> PythonCode.string(model.syntax(), value)
                                .orElse(PythonCode.lastName(model.syntax(), value)))
                                .filter(field.owner().name()::equals).isPresent()));
        if (!targeted) {
            out.warn(ScanWarning.Kind.UNRESOLVED, field.location(), "GenericForeignKey " + field.name()
                    + ": its target models are chosen at run time and no GenericRelation names them");
        }
    }

    /** {@code GenericRelation(TaggedItem)} on a model: TaggedItem's object id points at this model's rows. */
    private void genericRelation(DjangoClass model, String table, Field field) {
        Optional<TSNode> targetNode = field.arguments().at(0);
        if (targetNode.isEmpty()) {
            return;
        }
        String name = PythonCode.string(model.syntax(), targetNode.get())
                .orElse(PythonCode.lastName(model.syntax(), targetNode.get()));
        Optional<DjangoClass> holder = resolveClass(name.contains(".") ? name.substring(name.indexOf('.') + 1) : name,
                model.app());
        Optional<String> holderTable = holder.flatMap(this::tableFor);
        if (holderTable.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, field.location(), "GenericRelation " + field.name() + " to " + name
                    + ": no such model in the scanned code");
            return;
        }
        Optional<Field> generic = fields(holder.get()).stream()
                .filter(candidate -> candidate.type().equals("GenericForeignKey")).findFirst();
        Syntax holderSyntax = holder.get().syntax();
        String contentType = field.keywordString("content_type_field")
                .or(() -> generic.flatMap(g -> g.arguments().argument("ct_field", 0))
                        .flatMap(value -> PythonCode.string(holderSyntax, value)))
                .orElse("content_type");
        String objectId = field.keywordString("object_id_field")
                .or(() -> generic.flatMap(g -> g.arguments().argument("fk_field", 1))
                        .flatMap(value -> PythonCode.string(holderSyntax, value)))
                .orElse("object_id");
        // django_content_type rows are identified by (app_label, model): the discriminator names that pair
        Discriminator discriminator = new Discriminator(contentType + "_id",
                model.app() + "." + model.name().toLowerCase(Locale.ROOT));
        out.edge(holderTable.get(), List.of(objectId), table, List.of(primaryKey(model).column()),
                RelationshipKind.POLYMORPHIC, Optional.of(discriminator), field.location(),
                "GenericRelation(" + name + ") " + field.name());
    }
}
