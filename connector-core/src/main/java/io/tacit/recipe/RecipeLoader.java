package io.tacit.recipe;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tacit.config.ConfigFiles;
import io.tacit.config.ConfigProblem;
import io.tacit.config.InvalidConfigException;
import io.tacit.config.SecretResolver;
import io.tacit.config.SettingsValidator;
import io.tacit.config.ValidatedSection;
import io.tacit.error.ErrorKind;
import io.tacit.error.TacitException;
import io.tacit.inference.InferenceSettings;
import io.tacit.inference.scoring.ScoringModel;
import io.tacit.model.SchemaFilter;
import io.tacit.model.StatisticsLevel;
import io.tacit.report.ReportFormat;
import io.tacit.run.DiscoveryOptions;
import io.tacit.schedule.ServeSettings;
import io.tacit.spi.PublisherFactory;
import io.tacit.spi.SourceFactory;
import java.io.StringReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads a YAML recipe and validates all of it at once: the top-level sections, the source against its
 * factory's settings, the inference and run sections, every sink against its factory's settings. Source and
 * sink types are the {@link SourceFactory} and {@link PublisherFactory} implementations on the classpath.
 */
public final class RecipeLoader {
    public static final String SOURCE = "source";
    public static final String INFERENCE = "inference";
    public static final String SINKS = "sinks";
    public static final String RUN = "run";
    /** Read by {@code tacit serve} only; validated here so that every command accepts the same recipes. */
    public static final String SERVE = "serve";
    public static final List<String> SECTIONS = List.of(SOURCE, INFERENCE, SINKS, RUN, SERVE);
    /** A recipe is a few kilobytes; a larger file is the wrong file, and is refused before it fills memory. */
    public static final int MAX_RECIPE_BYTES = 1024 * 1024;
    /** A recipe nests four levels (section, setting, list or map, value); far deeper is a mistake or an attack. */
    public static final int MAX_DEPTH = 20;

    private final SettingsValidator validator;
    private final Map<String, SourceFactory> sources;
    private final Map<String, PublisherFactory> publishers;

    public RecipeLoader(SecretResolver secrets, List<SourceFactory> sources, List<PublisherFactory> publishers) {
        this.validator = new SettingsValidator(requireNonNull(secrets, "secrets is null"));
        this.sources = new TreeMap<>();
        for (SourceFactory factory : sources) {
            this.sources.put(factory.type(), factory);
        }
        this.publishers = new TreeMap<>();
        for (PublisherFactory factory : publishers) {
            this.publishers.put(factory.type(), factory);
        }
    }

    /** A loader knowing every source and sink type on the classpath. */
    public static RecipeLoader standard(SecretResolver secrets) {
        return new RecipeLoader(secrets, sourceFactories(), publisherFactories());
    }

    public static List<SourceFactory> sourceFactories() {
        List<SourceFactory> factories = new ArrayList<>();
        ServiceLoader.load(SourceFactory.class).forEach(factories::add);
        factories.sort(java.util.Comparator.comparing(SourceFactory::type));
        return factories;
    }

    public static List<PublisherFactory> publisherFactories() {
        List<PublisherFactory> factories = new ArrayList<>();
        ServiceLoader.load(PublisherFactory.class).forEach(factories::add);
        factories.sort(java.util.Comparator.comparing(PublisherFactory::type));
        return factories;
    }

    public Map<String, SourceFactory> sources() {
        return sources;
    }

    public Map<String, PublisherFactory> publishers() {
        return publishers;
    }

    /** Reads a recipe file into plain maps and lists, before any validation. */
    public static Map<String, Object> read(Path file) {
        String text;
        try {
            text = ConfigFiles.readText(file, MAX_RECIPE_BYTES, "recipe");
        }
        catch (ConfigFiles.UnreadableFileException e) {
            String hint = switch (e.reason()) {
                case MISSING -> "check the path given to -c";
                case NOT_A_FILE -> "give the path of a recipe file to -c";
                case TOO_LARGE -> "a recipe is a few kilobytes of YAML; check that -c names the recipe";
                case NOT_UTF8, UNREADABLE -> e.hint();
            };
            throw TacitException.config(e.getMessage(), hint);
        }
        return parse(file.toString(), text);
    }

    /** Parses recipe text; errors name the line and column, never the content (it may hold a pasted password). */
    public static Map<String, Object> parse(String what, String text) {
        if (text.isBlank()) {
            throw TacitException.config("recipe " + what + " is empty", "add at least a source: section");
        }
        if (text.length() > MAX_RECIPE_BYTES) {
            throw TacitException.config("recipe " + what + " is larger than 1 MiB, the limit for a recipe",
                    "a recipe is a few kilobytes of YAML");
        }
        Object parsed;
        try {
            checkStructure(what, text);
            parsed = Yaml.MAPPER.readValue(text, new TypeReference<Object>() { });
        }
        catch (StreamConstraintsException e) {
            // getOriginalMessage names the limit and the sizes, never the text that hit it
            throw TacitException.config("recipe " + what + " exceeds a limit of the YAML reader" + atLine(e.getLocation())
                    + ": " + e.getOriginalMessage(), "shorten that value");
        }
        catch (JsonProcessingException e) {
            throw TacitException.config("recipe " + what + " is not valid YAML" + at(e.getLocation()),
                    "fix the YAML syntax there");
        }
        catch (YAMLException e) {
            // the same text fails in Jackson with its line; SnakeYAML's message would quote the text
            throw TacitException.config("recipe " + what + " is not valid YAML" + line(e), "fix the YAML syntax there");
        }
        if (parsed == null) {
            throw TacitException.config("recipe " + what + " is empty", "add at least a source: section");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw TacitException.config("recipe " + what + " must be a mapping with the sections "
                    + String.join(", ", SECTIONS), "see the recipe reference in the README");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    /**
     * Refuses anchors and aliases, which Jackson reads as the anchor's name ({@code [*u]} becomes {@code [u]}),
     * and nesting deeper than any recipe needs, each with its line, before the text is turned into values.
     * SnakeYAML's events are read because Jackson does not report an anchor on a plain value.
     */
    private static void checkStructure(String what, String text) {
        int depth = 0;
        for (Event event : new org.yaml.snakeyaml.Yaml(Yaml.loaderOptions()).parse(new StringReader(text))) {
            String line = " at line " + (event.getStartMark().getLine() + 1);
            if (event instanceof AliasEvent alias) {
                throw TacitException.config("recipe " + what + " uses the YAML alias *" + alias.getAnchor() + line
                        + "; anchors (&) and aliases (*) are not supported in recipes",
                        "write the value out in full where it is used");
            }
            if (event instanceof NodeEvent node && node.getAnchor() != null) {
                throw TacitException.config("recipe " + what + " defines the YAML anchor &" + node.getAnchor() + line
                        + "; anchors (&) and aliases (*) are not supported in recipes",
                        "write the value out in full where it is used");
            }
            if (event instanceof CollectionStartEvent) {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw TacitException.config("recipe " + what + " nests deeper than " + MAX_DEPTH + " levels" + line,
                            "a recipe needs at most 4 levels: section, setting, list or map, value");
                }
            }
            else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    private static String line(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return " at line " + (marked.getProblemMark().getLine() + 1) + ", column "
                    + (marked.getProblemMark().getColumn() + 1);
        }
        return "";
    }

    private static String atLine(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    public Recipe load(Path file) {
        return validate(file.toString(), read(file));
    }

    /**
     * Validates a whole recipe.
     *
     * @throws InvalidConfigException listing every problem found
     */
    public Recipe validate(String what, Map<String, ?> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : raw.keySet()) {
            if (!SECTIONS.contains(key)) {
                problems.add(new ConfigProblem(key, SettingsValidator.unknownKeyMessage(key, SECTIONS)));
            }
        }
        Recipe.SourceSpec source = source(raw.get(SOURCE), problems);
        DiscoveryOptions discovery = discovery(raw.get(INFERENCE), problems);
        List<Recipe.SinkSpec> sinks = sinks(raw.get(SINKS), problems);
        Recipe.RunOptions run = run(raw.get(RUN), problems);
        serve(raw.get(SERVE), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("recipe " + what, problems);
        }
        return new Recipe(source, discovery, sinks, run);
    }

    private Recipe.SourceSpec source(Object raw, List<ConfigProblem> problems) {
        if (raw == null) {
            problems.add(new ConfigProblem(SOURCE, "required section is missing (type: "
                    + String.join("|", sources.keySet()) + " and its settings)"));
            return null;
        }
        Map<String, Object> section = section(SOURCE, raw, problems);
        if (section == null) {
            return null;
        }
        Object type = section.remove("type");
        if (type == null) {
            problems.add(new ConfigProblem(SOURCE + ".type", "required setting is missing; use one of "
                    + String.join(", ", sources.keySet())));
            return null;
        }
        SourceFactory factory = sources.get(String.valueOf(type));
        if (factory == null) {
            problems.add(new ConfigProblem(SOURCE + ".type", unknownType(String.valueOf(type), sources.keySet())));
            return null;
        }
        SettingsValidator.Result result = validator.validate(SOURCE, factory.settings(), section);
        problems.addAll(result.problems());
        return result.section()
                .filter(validated -> agrees(validated, () -> factory.check(validated), problems))
                .map(validated -> new Recipe.SourceSpec(factory, validated)).orElse(null);
    }

    private DiscoveryOptions discovery(Object raw, List<ConfigProblem> problems) {
        Map<String, Object> section = Map.of();
        if (raw != null) {
            section = section(INFERENCE, raw, problems);
            if (section == null) {
                return null;
            }
        }
        SettingsValidator.Result result = validator.validate(INFERENCE, RecipeSettings.INFERENCE, section);
        problems.addAll(result.problems());
        // ranges are checked even when another setting of the section is wrong, so every problem shows at once
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (String name : List.of(RecipeSettings.MIN_CONFIDENCE.name(), RecipeSettings.MAX_PROBES.name())) {
            if (section.get(name) != null) {
                numbers.put(name, section.get(name));
            }
        }
        SettingsValidator.Result numeric = validator.validate(INFERENCE,
                List.of(RecipeSettings.MIN_CONFIDENCE, RecipeSettings.MAX_PROBES), numbers);
        boolean valid = result.isValid();
        if (numeric.section().isPresent()) {
            double minConfidence = numeric.section().get().decimal(RecipeSettings.MIN_CONFIDENCE.name()).orElseThrow();
            int maxProbes = numeric.section().get().integer(RecipeSettings.MAX_PROBES.name()).orElseThrow();
            if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
                problems.add(new ConfigProblem(INFERENCE + ".minConfidence", "must be between 0 and 1, got " + minConfidence));
                valid = false;
            }
            if (maxProbes < 0) {
                problems.add(new ConfigProblem(INFERENCE + ".maxProbes", "must not be negative, got " + maxProbes));
                valid = false;
            }
        }
        ScoringModel model = ScoringModel.committed();
        Object modelFile = section.get(RecipeSettings.MODEL.name());
        if (modelFile instanceof String file && !file.isBlank()) {
            try {
                model = ScoringModel.load(Path.of(file));
            } catch (TacitException e) {
                problems.add(new ConfigProblem(INFERENCE + "." + RecipeSettings.MODEL.name(),
                        e.oneLine()));
                valid = false;
            } catch (InvalidPathException e) {
                problems.add(new ConfigProblem(INFERENCE + "." + RecipeSettings.MODEL.name(),
                        "'" + file + "' is not a usable path: " + e.getReason()));
                valid = false;
            }
        }
        if (!valid) {
            return null;
        }
        ValidatedSection values = result.section().orElseThrow();
        double minConfidence = values.decimal(RecipeSettings.MIN_CONFIDENCE.name()).orElseThrow();
        int maxProbes = values.integer(RecipeSettings.MAX_PROBES.name()).orElseThrow();
        SchemaFilter filter = new SchemaFilter(values.list(RecipeSettings.SCHEMAS.name()),
                values.list(RecipeSettings.INCLUDE_TABLES.name()), values.list(RecipeSettings.EXCLUDE_TABLES.name()));
        return new DiscoveryOptions(filter,
                StatisticsLevel.parse(values.string(RecipeSettings.LEVEL.name()).orElseThrow()),
                values.bool(RecipeSettings.IGNORE_DECLARED.name()).orElseThrow(),
                new InferenceSettings(minConfidence, maxProbes, model),
                values.string(RecipeSettings.DECISIONS.name()).map(java.nio.file.Path::of));
    }

    private List<Recipe.SinkSpec> sinks(Object raw, List<ConfigProblem> problems) {
        List<Recipe.SinkSpec> sinks = new ArrayList<>();
        if (raw == null) {
            return sinks;
        }
        if (!(raw instanceof List<?> entries)) {
            problems.add(new ConfigProblem(SINKS, "expected a list of sinks, each with a type: ("
                    + String.join(", ", publishers.keySet()) + ")"));
            return sinks;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = SINKS + "[" + i + "]";
            Map<String, Object> section = section(path, entries.get(i), problems);
            if (section == null) {
                continue;
            }
            Object type = section.remove("type");
            if (type == null) {
                problems.add(new ConfigProblem(path + ".type", "required setting is missing; use one of "
                        + String.join(", ", publishers.keySet())));
                continue;
            }
            PublisherFactory factory = publishers.get(String.valueOf(type));
            if (factory == null) {
                problems.add(new ConfigProblem(path + ".type", unknownType(String.valueOf(type), publishers.keySet())));
                continue;
            }
            SettingsValidator.Result result = validator.validate(path + " (" + type + ")", factory.settings(), section);
            problems.addAll(result.problems());
            result.section()
                    .filter(validated -> agrees(validated, () -> factory.check(validated), problems))
                    .ifPresent(validated -> sinks.add(new Recipe.SinkSpec(factory, validated)));
        }
        return sinks;
    }

    private Recipe.RunOptions run(Object raw, List<ConfigProblem> problems) {
        Map<String, Object> section = Map.of();
        if (raw != null) {
            section = section(RUN, raw, problems);
            if (section == null) {
                return null;
            }
        }
        SettingsValidator.Result result = validator.validate(RUN, RecipeSettings.RUN, section);
        problems.addAll(result.problems());
        return result.section().map(values -> new Recipe.RunOptions(
                values.bool(RecipeSettings.DRY_RUN.name()).orElseThrow(),
                ReportFormat.parse(values.string(RecipeSettings.FORMAT.name()).orElseThrow()),
                values.string(RecipeSettings.OUT.name()))).orElse(null);
    }

    /** Runs a factory's own checks of a section; what they reject is reported with every other problem. */
    private static boolean agrees(ValidatedSection section, Runnable check, List<ConfigProblem> problems) {
        try {
            check.run();
            return true;
        }
        catch (TacitException e) {
            if (e.kind() != ErrorKind.CONFIG) {
                throw e;
            }
            String message = e.oneLine();
            String prefix = section.path() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            problems.add(new ConfigProblem(section.path(), message));
            return false;
        }
    }

    /** The {@code serve:} section, or empty when the recipe has none. */
    public Optional<ValidatedSection> serve(Map<String, ?> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<ValidatedSection> section = serve(raw.get(SERVE), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("recipe serve section", problems);
        }
        return section;
    }

    private Optional<ValidatedSection> serve(Object raw, List<ConfigProblem> problems) {
        Map<String, Object> section = Map.of();
        if (raw != null) {
            section = section(SERVE, raw, problems);
            if (section == null) {
                return Optional.empty();
            }
        }
        SettingsValidator.Result result = validator.validate(SERVE, ServeSettings.ALL, section);
        problems.addAll(result.problems());
        return result.section();
    }

    private static Map<String, Object> section(String path, Object raw, List<ConfigProblem> problems) {
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(path, "expected a section of key: value settings"));
            return null;
        }
        Map<String, Object> section = new LinkedHashMap<>();
        map.forEach((key, value) -> section.put(String.valueOf(key), value));
        return section;
    }

    private static String unknownType(String type, java.util.Set<String> known) {
        if (known.isEmpty()) {
            return "unknown type '" + type + "'; no types are installed";
        }
        String closest = io.tacit.config.EditDistance.closest(type, known).orElseThrow();
        return "unknown type '" + type + "'; did you mean '" + closest + "'? (installed: " + String.join(", ", known) + ")";
    }

    /** The YAML parser, built on first use: a run from flags alone never loads Jackson (a fifth of a second). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());

        static LoaderOptions loaderOptions() {
            LoaderOptions options = new LoaderOptions();
            // the text was already refused past the cap; this keeps the reader's own limit in step with it
            options.setCodePointLimit(MAX_RECIPE_BYTES);
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(0);
            return options;
        }
    }
}
