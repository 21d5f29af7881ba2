package io.tacit.orm;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JPA entities with JavaParser: {@code @Entity}, {@code @Table}, {@code @Column}, the four associations
 * with {@code @JoinColumn(s)} and {@code @JoinTable}, {@code @Inheritance}, {@code @MappedSuperclass} and
 * {@code @EmbeddedId}. Classes are matched by simple name, as the annotations name them.
 */
final class JpaScanner {
    private final SourceTree tree;
    private final JpaNaming naming;
    private final ScanCollector out = new ScanCollector(Framework.JPA);
    private final Map<String, JavaClass> classes = new LinkedHashMap<>();

    private record JavaClass(ClassOrInterfaceDeclaration declaration, SourceFile file) {
        String name() {
            return declaration.getNameAsString();
        }

        boolean annotated(String annotation) {
            return declaration.getAnnotationByName(annotation).isPresent();
        }

        Optional<String> parent() {
            return declaration.getExtendedTypes().stream().findFirst().map(ClassOrInterfaceType::getNameAsString);
        }

        SourceLocation location() {
            return file.at(declaration.getBegin().map(position -> position.line).orElse(1));
        }
    }

    /** A column the scanner has placed: its name and type, for foreign keys to copy. */
    private record KeyColumn(String name, String type, TypeFamily family) {
    }

    /** A value an annotation computes (a constant, a concatenation): the scanner does not guess it. */
    private static final class UnresolvedValue extends RuntimeException {
        UnresolvedValue(String message) {
            super(message, null, false, false);
        }
    }

    JpaScanner(SourceTree tree, JpaNaming naming) {
        this.tree = tree;
        this.naming = naming;
    }

    static boolean detects(SourceTree tree) {
        return !tree.files(".java").isEmpty();
    }

    CodeSchema scan() {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (String path : tree.files(".java")) {
            Optional<SourceFile> file = tree.read(path);
            if (file.isEmpty()) {
                continue;
            }
            out.guard(path, () -> parse(parser, file.get()));
        }
        List<JavaClass> entities = classes.values().stream().filter(type -> type.annotated("Entity")).toList();
        for (JavaClass entity : entities) {
            guarded(entity.location(), () -> declareTable(entity));
        }
        for (JavaClass entity : entities) {
            guarded(entity.location(), () -> declareColumns(entity));
        }
        return out.build();
    }

    private void parse(JavaParser parser, SourceFile file) {
        ParseResult<CompilationUnit> result = parser.parse(file.text());
        // JavaParser gives no tree for a file with an error: the file is reported and the scan goes on
        String outcome = result.getResult().isPresent() ? "; the rest of the file is still read"
                : "; this file is skipped";
        for (Problem problem : result.getProblems()) {
            int line = problem.getLocation().flatMap(range -> range.getBegin().getRange())
                    .map(range -> range.begin.line).orElse(1);
            out.warn(ScanWarning.Kind.SYNTAX, file.at(line), "syntax error: " + firstLine(problem.getMessage())
                    + outcome);
        }
        result.getResult().ifPresent(unit -> unit.findAll(ClassOrInterfaceDeclaration.class).forEach(
                declaration -> classes.putIfAbsent(declaration.getNameAsString(), new JavaClass(declaration, file))));
    }

    private void guarded(SourceLocation location, Runnable step) {
        try {
            step.run();
        }
        catch (UnresolvedValue e) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, e.getMessage());
        }
    }

    // ---- tables and keys

    private JavaClass root(JavaClass entity) {
        JavaClass current = entity;
        // depth bounds a cycle of parents (A extends B, B extends A), which javac itself would refuse
        for (int depth = 0; depth < 20; depth++) {
            Optional<JavaClass> parent = current.parent().map(classes::get).filter(type -> type.annotated("Entity"));
            if (parent.isEmpty()) {
                return current;
            }
            current = parent.get();
        }
        return current;
    }

    private Optional<JavaClass> entityParent(JavaClass entity) {
        return entity.parent().map(classes::get).filter(type -> type.annotated("Entity"));
    }

    private String strategy(JavaClass entity) {
        return root(entity).declaration().getAnnotationByName("Inheritance")
                .flatMap(annotation -> attribute(annotation, "strategy"))
                .map(JpaScanner::lastName).orElse("SINGLE_TABLE");
    }

    /** The table an entity's rows live in: its root's under single-table inheritance. */
    private String tableOf(JavaClass entity) {
        JavaClass owner = entity;
        if (entityParent(entity).isPresent() && strategy(entity).equals("SINGLE_TABLE")) {
            owner = root(entity);
        }
        Optional<AnnotationExpr> table = owner.declaration().getAnnotationByName("Table");
        Optional<String> explicit = table.flatMap(annotation -> string(annotation, "name"));
        if (explicit.isPresent()) {
            return naming.physical(explicit.get());
        }
        String entityName = owner.declaration().getAnnotationByName("Entity")
                .flatMap(annotation -> string(annotation, "name")).orElse(owner.name());
        return naming.physical(entityName);
    }

    private void declareTable(JavaClass entity) {
        String table = tableOf(entity);
        ScanCollector.TableDraft draft = out.table(table, entity.name(), entity.location());
        entity.declaration().getAnnotationByName("Table").flatMap(annotation -> string(annotation, "schema"))
                .ifPresent(draft::schema);
        if (draft.primaryKey().isEmpty()) {
            draft.primaryKey(primaryKey(entity).stream().map(KeyColumn::name).toList());
        }
    }

    /** The primary key columns of an entity: its own {@code @Id}s, a mapped superclass's or its root's. */
    private List<KeyColumn> primaryKey(JavaClass entity) {
        JavaClass root = root(entity);
        List<KeyColumn> key = new ArrayList<>();
        for (FieldDeclaration field : fields(root, true)) {
            VariableDeclarator variable = field.getVariable(0);
            if (field.isAnnotationPresent("Id")) {
                key.add(new KeyColumn(columnName(field, variable.getNameAsString()), typeName(variable.getType()),
                        JavaTypes.family(typeName(variable.getType()))));
            }
            else if (field.isAnnotationPresent("EmbeddedId")) {
                JavaClass embeddable = classes.get(typeName(variable.getType()));
                if (embeddable == null) {
                    throw new UnresolvedValue("@EmbeddedId of type " + typeName(variable.getType())
                            + ": no @Embeddable of that name was found");
                }
                for (FieldDeclaration part : fields(embeddable, false)) {
                    VariableDeclarator partVariable = part.getVariable(0);
                    key.add(new KeyColumn(columnName(part, partVariable.getNameAsString()),
                            typeName(partVariable.getType()), JavaTypes.family(typeName(partVariable.getType()))));
                }
            }
        }
        if (entity != root && strategy(entity).equals("JOINED")) {
            List<String> renamed = entity.declaration().getAnnotationByName("PrimaryKeyJoinColumn")
                    .flatMap(annotation -> string(annotation, "name")).map(naming::physical).stream().toList();
            if (renamed.size() == 1 && key.size() == 1) {
                return List.of(new KeyColumn(renamed.get(0), key.get(0).type(), key.get(0).family()));
            }
        }
        return key;
    }

    /** Persistent fields of a class and of the mapped superclasses (and, if asked, entity parents) above it. */
    private List<FieldDeclaration> fields(JavaClass type, boolean throughEntities) {
        return fields(type, throughEntities, 0);
    }

    private List<FieldDeclaration> fields(JavaClass type, boolean throughEntities, int depth) {
        List<FieldDeclaration> fields = new ArrayList<>();
        Optional<JavaClass> parent = type.parent().map(classes::get).filter(candidate -> depth < 20)
                .filter(candidate -> candidate.annotated("MappedSuperclass")
                        || (throughEntities && candidate.annotated("Entity")));
        parent.ifPresent(superclass -> fields.addAll(fields(superclass, throughEntities, depth + 1)));
        for (FieldDeclaration field : type.declaration().getFields()) {
            if (field.isStatic() || field.hasModifier(Modifier.Keyword.TRANSIENT)
                    || field.isAnnotationPresent("Transient")) {
                continue;
            }
            fields.add(field);
        }
        return fields;
    }

    // ---- columns and associations

    private void declareColumns(JavaClass entity) {
        String table = tableOf(entity);
        ScanCollector.TableDraft draft = out.existing(table).orElseThrow();
        String strategy = strategy(entity);
        Optional<JavaClass> parent = entityParent(entity);
        boolean subclassOfSingleTable = parent.isPresent() && strategy.equals("SINGLE_TABLE");
        List<KeyColumn> key = primaryKey(entity);
        if (parent.isPresent() && strategy.equals("JOINED")) {
            String parentTable = tableOf(parent.get());
            List<KeyColumn> parentKey = primaryKey(parent.get());
            for (KeyColumn column : key) {
                draft.column(column.name(), column.type(), column.family(), false);
            }
            out.edge(table, names(key), parentTable, names(parentKey), RelationshipKind.ONE_TO_ONE, Optional.empty(),
                    entity.location(), "@Inheritance(JOINED) " + entity.name() + " extends " + parent.get().name());
        }
        if (entityParent(entity).isEmpty() && hasEntityChildren(entity) && strategy.equals("SINGLE_TABLE")) {
            String discriminator = entity.declaration().getAnnotationByName("DiscriminatorColumn")
                    .flatMap(annotation -> string(annotation, "name")).map(naming::physical).orElse("DTYPE");
            draft.column(discriminator, "discriminator", TypeFamily.STRING, false);
        }
        boolean ownFieldsOnly = parent.isPresent() && !strategy.equals("TABLE_PER_CLASS");
        List<FieldDeclaration> fields = ownFieldsOnly ? fields(entity, false) : fields(entity, true);
        for (FieldDeclaration field : fields) {
            SourceLocation location = location(field, entity);
            guarded(location, () -> declareField(entity, table, draft, field, subclassOfSingleTable, location));
        }
    }

    /** Where a field is declared: in the entity's file or in a mapped superclass's. */
    private SourceLocation location(FieldDeclaration field, JavaClass entity) {
        SourceFile file = field.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(declaration -> classes.get(declaration.getNameAsString()))
                .map(JavaClass::file).orElse(entity.file());
        return file.at(field.getBegin().map(position -> position.line).orElse(1));
    }

    private boolean hasEntityChildren(JavaClass entity) {
        return classes.values().stream().anyMatch(type -> type.annotated("Entity")
                && type.parent().filter(entity.name()::equals).isPresent());
    }

    private void declareField(JavaClass entity, String table, ScanCollector.TableDraft draft, FieldDeclaration field,
            boolean subclassOfSingleTable, SourceLocation location) {
        VariableDeclarator variable = field.getVariable(0);
        String fieldName = variable.getNameAsString();
        String type = typeName(variable.getType());
        if (field.isAnnotationPresent("ManyToOne") || field.isAnnotationPresent("OneToOne")) {
            toOne(entity, table, draft, field, location);
            return;
        }
        if (field.isAnnotationPresent("OneToMany")) {
            oneToMany(entity, table, field, location);
            return;
        }
        if (field.isAnnotationPresent("ManyToMany")) {
            manyToMany(entity, table, field, location);
            return;
        }
        if (field.isAnnotationPresent("ElementCollection")) {
            return;
        }
        if (field.isAnnotationPresent("EmbeddedId") || field.isAnnotationPresent("Embedded")
                || classes.containsKey(type) && classes.get(type).annotated("Embeddable")) {
            JavaClass embeddable = classes.get(type);
            if (embeddable == null) {
                throw new UnresolvedValue("embedded " + fieldName + " of type " + type + ": no @Embeddable found");
            }
            for (FieldDeclaration part : fields(embeddable, false)) {
                VariableDeclarator partVariable = part.getVariable(0);
                String partType = typeName(partVariable.getType());
                draft.column(columnName(part, partVariable.getNameAsString()), partType, JavaTypes.family(partType),
                        !field.isAnnotationPresent("EmbeddedId") && !JavaTypes.primitive(partType));
            }
            return;
        }
        Optional<AnnotationExpr> column = field.getAnnotationByName("Column");
        boolean nullable = !JavaTypes.primitive(type) && !field.isAnnotationPresent("Id")
                && column.flatMap(annotation -> bool(annotation, "nullable")).orElse(true)
                || subclassOfSingleTable;
        String name = columnName(field, fieldName);
        draft.column(name, type, JavaTypes.family(type), nullable);
        if (column.flatMap(annotation -> bool(annotation, "unique")).orElse(false)) {
            draft.unique(List.of(name));
        }
    }

    private void toOne(JavaClass entity, String table, ScanCollector.TableDraft draft, FieldDeclaration field,
            SourceLocation location) {
        String annotationName = field.isAnnotationPresent("OneToOne") ? "OneToOne" : "ManyToOne";
        AnnotationExpr association = field.getAnnotationByName(annotationName).orElseThrow();
        if (string(association, "mappedBy").isPresent()) {
            return;
        }
        VariableDeclarator variable = field.getVariable(0);
        JavaClass target = target(association, variable.getType());
        String targetTable = tableOf(target);
        List<KeyColumn> targetKey = primaryKey(target);
        List<AnnotationExpr> joins = joinColumns(field, "JoinColumns", "JoinColumn");
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        boolean optional = bool(association, "optional").orElse(true);
        if (joins.isEmpty()) {
            for (KeyColumn key : targetKey) {
                from.add(naming.physical(variable.getNameAsString() + "_" + key.name()));
                to.add(key.name());
                draft.column(from.get(from.size() - 1), key.type(), key.family(), optional);
            }
        }
        else {
            for (int i = 0; i < joins.size(); i++) {
                AnnotationExpr join = joins.get(i);
                KeyColumn referenced = referenced(join, targetKey, i, target);
                String name = string(join, "name").map(naming::physical)
                        .orElse(naming.physical(variable.getNameAsString() + "_" + referenced.name()));
                from.add(name);
                to.add(referenced.name());
                draft.column(name, referenced.type(), referenced.family(),
                        optional && bool(join, "nullable").orElse(true));
            }
        }
        if (from.isEmpty()) {
            throw new UnresolvedValue("@" + annotationName + " " + variable.getNameAsString() + ": " + target.name()
                    + " has no @Id");
        }
        RelationshipKind kind = annotationName.equals("OneToOne") ? RelationshipKind.ONE_TO_ONE
                : RelationshipKind.FOREIGN_KEY;
        if (kind == RelationshipKind.ONE_TO_ONE) {
            draft.unique(from);
        }
        out.edge(table, from, targetTable, to, kind, Optional.empty(), location,
                "@" + annotationName + " " + target.name() + " " + variable.getNameAsString());
    }

    private void oneToMany(JavaClass entity, String table, FieldDeclaration field, SourceLocation location) {
        AnnotationExpr association = field.getAnnotationByName("OneToMany").orElseThrow();
        if (string(association, "mappedBy").isPresent()) {
            return;
        }
        VariableDeclarator variable = field.getVariable(0);
        JavaClass target = target(association, variable.getType());
        List<AnnotationExpr> joins = joinColumns(field, "JoinColumns", "JoinColumn");
        if (joins.isEmpty()) {
            joinTable(entity, table, field, target, location, "@OneToMany");
            return;
        }
        List<KeyColumn> key = primaryKey(entity);
        String targetTable = tableOf(target);
        ScanCollector.TableDraft targetDraft = out.table(targetTable, target.name(), target.location());
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            KeyColumn referenced = referenced(joins.get(i), key, i, entity);
            String name = string(joins.get(i), "name").map(naming::physical)
                    .orElse(naming.physical(variable.getNameAsString() + "_" + referenced.name()));
            targetDraft.column(name, referenced.type(), referenced.family(), true);
            from.add(name);
            to.add(referenced.name());
        }
        out.edge(targetTable, from, table, to, RelationshipKind.FOREIGN_KEY, Optional.empty(), location,
                "@OneToMany " + target.name() + " " + variable.getNameAsString());
    }

    private void manyToMany(JavaClass entity, String table, FieldDeclaration field, SourceLocation location) {
        AnnotationExpr association = field.getAnnotationByName("ManyToMany").orElseThrow();
        if (string(association, "mappedBy").isPresent()) {
            return;
        }
        JavaClass target = target(association, field.getVariable(0).getType());
        joinTable(entity, table, field, target, location, "@ManyToMany");
    }

    /** The join table of a collection association: named by {@code @JoinTable} or by JPA's defaults. */
    private void joinTable(JavaClass owner, String ownerTable, FieldDeclaration field, JavaClass target,
            SourceLocation location, String annotationName) {
        String fieldName = field.getVariable(0).getNameAsString();
        String targetTable = tableOf(target);
        Optional<AnnotationExpr> joinTable = field.getAnnotationByName("JoinTable");
        String name = joinTable.flatMap(annotation -> string(annotation, "name")).map(naming::physical)
                .orElse(naming.physical(ownerTable + "_" + targetTable));
        ScanCollector.TableDraft draft = out.table(name, owner.name() + "." + fieldName, location);
        joinTable.flatMap(annotation -> string(annotation, "schema")).ifPresent(draft::schema);
        // JPA's default join column is named after the inverse side's field when there is one, else the entity
        String inverseName = inverseField(target, fieldName).orElse(owner.name());
        List<String> ownerColumns = joinTableSide(draft, joinTable, "joinColumns", primaryKey(owner), owner,
                inverseName);
        List<String> targetColumns = joinTableSide(draft, joinTable, "inverseJoinColumns", primaryKey(target), target,
                fieldName);
        List<String> key = new ArrayList<>(ownerColumns);
        key.addAll(targetColumns);
        if (draft.primaryKey().isEmpty()) {
            draft.primaryKey(key);
        }
        String declaration = annotationName + " " + target.name() + " " + fieldName;
        out.edge(name, ownerColumns, ownerTable, names(primaryKey(owner)), RelationshipKind.FOREIGN_KEY,
                Optional.empty(), location, declaration);
        out.edge(name, targetColumns, targetTable, names(primaryKey(target)), RelationshipKind.FOREIGN_KEY,
                Optional.empty(), location, declaration);
    }

    private List<String> joinTableSide(ScanCollector.TableDraft draft, Optional<AnnotationExpr> joinTable,
            String attributeName, List<KeyColumn> referencedKey, JavaClass referenced, String prefix) {
        List<AnnotationExpr> joins = joinTable.flatMap(annotation -> attribute(annotation, attributeName))
                .map(JpaScanner::annotations).orElse(List.of());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < referencedKey.size(); i++) {
            KeyColumn key = referencedKey.get(i);
            Optional<AnnotationExpr> join = i < joins.size() ? Optional.of(joins.get(i)) : Optional.empty();
            KeyColumn target = join.map(annotation -> referenced(annotation, referencedKey, 0, referenced)).orElse(key);
            String name = join.flatMap(annotation -> string(annotation, "name")).map(naming::physical)
                    .orElse(naming.physical(prefix + "_" + target.name()));
            draft.column(name, target.type(), target.family(), false);
            columns.add(name);
        }
        return columns;
    }

    private Optional<String> inverseField(JavaClass target, String fieldName) {
        for (FieldDeclaration field : fields(target, true)) {
            Optional<String> mappedBy = field.getAnnotationByName("ManyToMany")
                    .flatMap(expression -> string(expression, "mappedBy"));
            if (mappedBy.filter(fieldName::equals).isPresent()) {
                return Optional.of(field.getVariable(0).getNameAsString());
            }
        }
        return Optional.empty();
    }

    private KeyColumn referenced(AnnotationExpr join, List<KeyColumn> key, int index, JavaClass target) {
        Optional<String> name = string(join, "referencedColumnName").map(naming::physical);
        if (name.isEmpty()) {
            if (index >= key.size()) {
                throw new UnresolvedValue("join column " + index + " has no matching key column in " + target.name());
            }
            return key.get(index);
        }
        for (KeyColumn column : key) {
            if (column.name().equals(name.get())) {
                return column;
            }
        }
        // a join to a non-key unique column: its type is the field's, if the target declares it
        String type = "unknown";
        TypeFamily family = TypeFamily.OTHER;
        for (FieldDeclaration field : fields(target, true)) {
            if (columnName(field, field.getVariable(0).getNameAsString()).equals(name.get())) {
                type = typeName(field.getVariable(0).getType());
                family = JavaTypes.family(type);
            }
        }
        return new KeyColumn(name.get(), type, family);
    }

    private JavaClass target(AnnotationExpr association, Type fieldType) {
        Optional<Expression> targetEntity = attribute(association, "targetEntity");
        String name;
        if (targetEntity.isPresent() && targetEntity.get() instanceof ClassExpr classExpr) {
            name = typeName(classExpr.getType());
        }
        else {
            name = elementType(fieldType);
        }
        JavaClass target = classes.get(name);
        if (target == null || !target.annotated("Entity")) {
            throw new UnresolvedValue("@" + association.getNameAsString() + " to " + name
                    + ": no @Entity of that name was found in the scanned code");
        }
        return target;
    }

    // ---- small readers of annotations and types

    private String columnName(FieldDeclaration field, String fieldName) {
        return field.getAnnotationByName("Column").flatMap(annotation -> string(annotation, "name"))
                .map(naming::physical).orElse(naming.physical(fieldName));
    }

    private static List<AnnotationExpr> joinColumns(FieldDeclaration field, String plural, String singular) {
        Optional<AnnotationExpr> many = field.getAnnotationByName(plural);
        if (many.isPresent()) {
            return attribute(many.get(), "value").map(JpaScanner::annotations).orElse(List.of());
        }
        return field.getAnnotationByName(singular).stream().toList();
    }

    private static List<AnnotationExpr> annotations(Expression expression) {
        if (expression instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().filter(Expression::isAnnotationExpr)
                    .map(Expression::asAnnotationExpr).toList();
        }
        if (expression.isAnnotationExpr()) {
            return List.of(expression.asAnnotationExpr());
        }
        return List.of();
    }

    static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> string(AnnotationExpr annotation, String name) {
        Optional<Expression> value = attribute(annotation, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof StringLiteralExpr literal) {
            return literal.asString().isEmpty() ? Optional.empty() : Optional.of(literal.asString());
        }
        throw new UnresolvedValue("@" + annotation.getNameAsString() + "(" + name + " = " + value.get()
                + "): a computed value, not read");
    }

    private static Optional<Boolean> bool(AnnotationExpr annotation, String name) {
        return attribute(annotation, name).filter(BooleanLiteralExpr.class::isInstance)
                .map(value -> ((BooleanLiteralExpr) value).getValue());
    }

    private static String lastName(Expression expression) {
        if (expression instanceof FieldAccessExpr access) {
            return access.getNameAsString();
        }
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        return expression.toString();
    }

    private static String typeName(Type type) {
        if (type.isArrayType()) {
            return typeName(type.asArrayType().getComponentType()) + "[]";
        }
        if (type instanceof ClassOrInterfaceType classType) {
            return classType.getNameAsString();
        }
        return type.asString();
    }

    /** The element type of a collection field ({@code List<Tag>} gives {@code Tag}), else the type itself. */
    private static String elementType(Type type) {
        if (type instanceof ClassOrInterfaceType classType && classType.getTypeArguments().isPresent()) {
            var arguments = classType.getTypeArguments().get();
            return typeName(arguments.get(arguments.size() - 1));
        }
        return typeName(type);
    }

    private static List<String> names(List<KeyColumn> columns) {
        return columns.stream().map(KeyColumn::name).toList();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
