package dev.shipcheck.cli.plugin;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleApi;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.core.rule.RuleDescriptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Everything checked about one plugin jar before any of its code runs: the manifest's rule API,
 * that every class loads (without being initialised), and that every rule class its services file
 * names is in the jar, is a {@link Rule} with a public no-argument constructor, and carries valid
 * {@link PolicyRule} metadata. Classes are loaded with {@code Class.forName(name, false, loader)}
 * and only their annotations and resources are read, so no static initialiser of the jar has run
 * when this is done; a jar that fails any check never gets that far.
 */
final class JarInspection {
  static final String SERVICES = "META-INF/services/" + Rule.class.getName();

  /** A rule class that passed every check, with its metadata; not instantiated yet. */
  record Candidate(Class<? extends Rule> type, RuleDescriptor descriptor) {}

  /** A jar that passed every check: its own class loader (open) and its rule classes. */
  record Inspected(
      Path file, String name, int ruleApi, URLClassLoader loader, List<Candidate> rules) {}

  private final ClauseCatalog clauses;
  private final ClassLoader parent;

  JarInspection(ClauseCatalog clauses, ClassLoader parent) {
    this.clauses = clauses;
    this.parent = parent;
  }

  /** The jar, checked; or empty with the reasons added to {@code problems} (its loader closed). */
  Optional<Inspected> inspect(Path jar, List<String> problems) {
    String name = jar.getFileName().toString();
    List<String> mine = new ArrayList<>();
    Optional<Integer> api;
    List<String> classNames;
    List<String> providers;
    try (JarFile file = new JarFile(jar.toFile())) {
      api = ruleApi(name, file.getManifest(), mine);
      classNames = classNames(file);
      providers = providers(file);
    } catch (IOException e) {
      problems.add(name + ": not a readable jar (" + e.getMessage() + ")");
      return Optional.empty();
    }
    if (api.isEmpty()) {
      problems.addAll(mine);
      return Optional.empty();
    }
    if (providers.isEmpty()) {
      problems.add(
          name
              + ": refused: it holds no rules; list its rule classes in "
              + SERVICES
              + ", one per line");
      return Optional.empty();
    }
    URLClassLoader loader;
    try {
      loader = new URLClassLoader("plugin " + name, new URL[] {jar.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      problems.add(name + ": cannot be opened (" + e.getMessage() + ")");
      return Optional.empty();
    }
    loadClasses(name, loader, classNames, mine);
    List<Candidate> found = new ArrayList<>();
    if (mine.isEmpty()) {
      for (String provider : providers) {
        candidate(name, loader, provider, classNames, mine).ifPresent(found::add);
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Candidate c : found) {
      if (!ids.add(c.descriptor().id())) {
        mine.add(name + ": refused: two of its rules have the id '" + c.descriptor().id() + "'");
      }
    }
    if (!mine.isEmpty()) {
      problems.addAll(mine);
      if (!found.isEmpty()) {
        problems.add(
            name
                + ": refused as a whole, so its valid rules are not registered either: "
                + String.join(", ", found.stream().map(c -> c.descriptor().id()).toList()));
      }
      PluginLoader.closeAll(List.of(loader));
      return Optional.empty();
    }
    return Optional.of(new Inspected(jar, name, api.get(), loader, found));
  }

  private static Optional<Integer> ruleApi(String name, Manifest manifest, List<String> mine) {
    String declared =
        manifest == null
            ? null
            : manifest
                .getMainAttributes()
                .getValue(new Attributes.Name(RuleApi.MANIFEST_ATTRIBUTE));
    if (declared == null) {
      mine.add(
          name
              + ": refused: it does not say which rule API it was built for; its manifest needs '"
              + RuleApi.MANIFEST_ATTRIBUTE
              + ": "
              + RuleApi.VERSION
              + "' (see docs/writing-rules.md)");
      return Optional.empty();
    }
    int version;
    try {
      version = Integer.parseInt(declared.trim());
    } catch (NumberFormatException e) {
      mine.add(
          name
              + ": refused: its manifest's "
              + RuleApi.MANIFEST_ATTRIBUTE
              + " is '"
              + declared
              + "', not a version number");
      return Optional.empty();
    }
    if (version != RuleApi.VERSION) {
      mine.add(
          name
              + ": refused: built for rule API "
              + version
              + ", but this Shipcheck runs rule API "
              + RuleApi.VERSION
              + "; rebuild the plugin against this Shipcheck's rule kit, or run a Shipcheck whose"
              + " rule API is "
              + version);
      return Optional.empty();
    }
    return Optional.of(version);
  }

  private static List<String> classNames(JarFile file) {
    List<String> names = new ArrayList<>();
    for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
      String entry = e.nextElement().getName();
      if (!entry.endsWith(".class")
          || entry.startsWith("META-INF/")
          || entry.endsWith("module-info.class")
          || entry.endsWith("package-info.class")) {
        continue;
      }
      names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
    return names;
  }

  /**
   * The class names the jar's own services file lists, in the format {@link
   * java.util.ServiceLoader} reads: one per line, {@code #} starts a comment, repeats count once.
   */
  private static List<String> providers(JarFile file) throws IOException {
    JarEntry entry = file.getJarEntry(SERVICES);
    if (entry == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = file.getInputStream(entry);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return List.copyOf(names);
  }

  /** Every class of the jar, loaded without running it, so a missing dependency shows now. */
  private static void loadClasses(
      String name, ClassLoader loader, List<String> classNames, List<String> mine) {
    for (String cls : classNames) {
      try {
        Class.forName(cls, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        mine.add(
            name
                + ": refused: class "
                + cls
                + " cannot be loaded ("
                + e
                + "); a plugin jar must hold every class it needs besides Shipcheck's own");
      }
    }
  }

  /** A listed rule class that is the jar's own, can be created and has valid metadata. */
  private Optional<Candidate> candidate(
      String name, ClassLoader loader, String cls, List<String> classNames, List<String> mine) {
    String listed = name + ": refused: " + SERVICES + " lists " + cls + ", which ";
    if (!classNames.contains(cls)) {
      mine.add(listed + "is not a class of this jar");
      return Optional.empty();
    }
    Class<?> type;
    try {
      type = Class.forName(cls, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty(); // already reported by loadClasses
    }
    if (!Objects.equals(type.getClassLoader(), loader)) {
      mine.add(listed + "Shipcheck itself already defines; a plugin cannot replace its classes");
      return Optional.empty();
    }
    if (!Rule.class.isAssignableFrom(type)) {
      mine.add(listed + "does not implement " + Rule.class.getName());
      return Optional.empty();
    }
    if (!Modifier.isPublic(type.getModifiers())
        || Modifier.isAbstract(type.getModifiers())
        || !hasPublicNoArgConstructor(type)) {
      mine.add(listed + "is not a public class with a public no-argument constructor");
      return Optional.empty();
    }
    if (type.getAnnotation(PolicyRule.class) == null) {
      mine.add(listed + "has no @" + PolicyRule.class.getSimpleName() + " annotation");
      return Optional.empty();
    }
    Class<? extends Rule> rule = type.asSubclass(Rule.class);
    RuleDescriptor d;
    try {
      d = RuleDescriptor.of(rule, name);
    } catch (RuntimeException | LinkageError e) {
      mine.add(name + ": refused: rule " + cls + " has unreadable metadata: " + e);
      return Optional.empty();
    }
    List<String> wrong = metadataProblems(d, loader);
    wrong.forEach(w -> mine.add(name + ": refused: " + w));
    return wrong.isEmpty() ? Optional.of(new Candidate(rule, d)) : Optional.empty();
  }

  private static boolean hasPublicNoArgConstructor(Class<?> type) {
    try {
      return Modifier.isPublic(type.getConstructor().getModifiers());
    } catch (NoSuchMethodException | LinkageError e) {
      return false;
    }
  }

  /** The checks the built-in rules pass, plus those only a plugin can fail. */
  private List<String> metadataProblems(RuleDescriptor d, ClassLoader loader) {
    List<String> wrong = new ArrayList<>(RuleCatalog.problemsOf(d, clauses));
    for (Class<? extends Fact> f : d.facts()) {
      if (Objects.equals(f.getClassLoader(), loader)) {
        wrong.add(
            d.id()
                + ": reads "
                + f.getName()
                + ", a fact type of the plugin itself, which no collector provides; rules read"
                + " Shipcheck's fact types");
      }
    }
    for (String glob : d.files()) {
      Glob.problem(glob).ifPresent(p -> wrong.add(d.id() + ": files: '" + glob + "': " + p));
    }
    return wrong;
  }
}
