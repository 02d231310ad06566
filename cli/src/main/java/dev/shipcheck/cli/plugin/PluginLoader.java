package dev.shipcheck.cli.plugin;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleApi;
import dev.shipcheck.core.rule.RuleCatalog;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Loads the rule plugin jars of the given directories. Each jar gets its own class loader whose
 * parent is the application's, so plugins see the rule API and the fact model; its rules are found
 * with {@link ServiceLoader}, exactly like the built-in ones, and their origin is the jar's file
 * name.
 *
 * <p>A jar is loaded whole or not at all. It is refused when it does not declare the rule API it
 * was built for ({@value RuleApi#MANIFEST_ATTRIBUTE} in its manifest) or declares another one, when
 * any of its classes cannot be loaded, when a rule cannot be created, or when a rule's metadata is
 * invalid (the same checks as the built-in rules'). Any refusal stops the scan: the organisation
 * installed the plugin to check its clauses, and a report without them would read as compliant.
 */
public final class PluginLoader {
  private static final String SERVICES = "META-INF/services/" + Rule.class.getName();

  private final ClauseCatalog clauses;
  private final ClassLoader parent;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private PluginLoader(ClauseCatalog clauses, ClassLoader parent) {
    this.clauses = clauses;
    this.parent = parent;
  }

  /**
   * Loads every jar of every directory, in directory order and by file name within one.
   *
   * @param clauses the clauses plugin rules may cite (built-in and the policy's own)
   * @param parent the class loader holding the rule API, normally the application's
   * @throws PluginException naming every jar that cannot be used and why; none is loaded then
   */
  public static Plugins load(
      List<PluginDirectory> directories, ClauseCatalog clauses, ClassLoader parent)
      throws PluginException {
    return new PluginLoader(clauses, parent).loadAll(directories);
  }

  private Plugins loadAll(List<PluginDirectory> directories) throws PluginException {
    Map<String, Path> jarsByName = new LinkedHashMap<>();
    for (PluginDirectory d : dedupe(directories)) {
      for (Path jar : jarsIn(d)) {
        Path previous = jarsByName.putIfAbsent(jar.getFileName().toString(), jar);
        if (previous != null) {
          problems.add(
              "two plugin jars are named "
                  + jar.getFileName()
                  + ": "
                  + previous
                  + " and "
                  + jar
                  + "; rules are reported by jar name, so remove or rename one");
        }
      }
    }
    List<PluginJar> jars = new ArrayList<>();
    List<RegisteredRule> rules = new ArrayList<>();
    List<URLClassLoader> loaders = new ArrayList<>();
    for (Path jar : jarsByName.values()) {
      load(jar, jars, rules, loaders);
    }
    if (problems.isEmpty() && !rules.isEmpty()) {
      try {
        RuleCatalog.load(parent, dev.shipcheck.core.rule.RuleDescriptor.BUILT_IN).plus(rules);
      } catch (RuleCatalog.DuplicateRuleException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      closeAll(loaders);
      throw new PluginException(problems);
    }
    return new Plugins(jars, rules, notes, loaders);
  }

  private static List<PluginDirectory> dedupe(List<PluginDirectory> directories) {
    Map<Path, PluginDirectory> unique = new LinkedHashMap<>();
    for (PluginDirectory d : directories) {
      Path key = d.path().toAbsolutePath().normalize();
      try {
        key = d.path().toRealPath();
      } catch (IOException e) {
        // reported when the directory is listed
      }
      unique.putIfAbsent(key, d);
    }
    return new ArrayList<>(unique.values());
  }

  private List<Path> jarsIn(PluginDirectory d) {
    Path dir = d.path();
    if (!Files.exists(dir)) {
      problems.add("plugin directory " + dir + " (" + d.namedBy() + ") does not exist");
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      problems.add(
          "plugin directory "
              + dir
              + " ("
              + d.namedBy()
              + ") is a file; name the directory that holds the plugin jars");
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
      s.forEach(jars::add);
    } catch (IOException e) {
      problems.add("plugin directory " + dir + " (" + d.namedBy() + ") cannot be listed: " + e);
      return List.of();
    }
    jars.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    if (jars.isEmpty()) {
      notes.add("plugin directory " + dir + " (" + d.namedBy() + ") holds no .jar files");
    }
    return jars;
  }

  /** Loads one jar whole; on any problem it contributes nothing and its loader is closed. */
  private void load(
      Path jar, List<PluginJar> jars, List<RegisteredRule> rules, List<URLClassLoader> loaders) {
    String name = jar.getFileName().toString();
    List<String> mine = new ArrayList<>();
    Optional<Integer> api;
    List<String> classNames;
    try (JarFile file = new JarFile(jar.toFile())) {
      api = ruleApi(name, file.getManifest(), mine);
      classNames = classNames(file);
    } catch (IOException e) {
      problems.add(name + ": not a readable jar (" + e.getMessage() + ")");
      return;
    }
    if (api.isEmpty()) {
      problems.addAll(mine);
      return;
    }
    URLClassLoader loader;
    try {
      loader = new URLClassLoader("plugin " + name, new URL[] {jar.toUri().toURL()}, parent);
    } catch (MalformedURLException e) {
      problems.add(name + ": cannot be opened (" + e.getMessage() + ")");
      return;
    }
    loadClasses(name, loader, classNames, mine);
    List<RegisteredRule> found = mine.isEmpty() ? rules(name, loader, mine) : List.of();
    if (!mine.isEmpty()) {
      problems.addAll(mine);
      if (!found.isEmpty()) {
        problems.add(
            name
                + ": refused as a whole, so its valid rules are not registered either: "
                + String.join(", ", found.stream().map(RegisteredRule::id).toList()));
      }
      closeAll(List.of(loader));
      return;
    }
    loaders.add(loader);
    rules.addAll(found);
    jars.add(new PluginJar(jar, name, api.get(), found.stream().map(RegisteredRule::id).toList()));
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

  /** The jar's own rules (the parent's built-in ones are seen too, and skipped). */
  private List<RegisteredRule> rules(String name, URLClassLoader loader, List<String> mine) {
    List<RegisteredRule> found = new ArrayList<>();
    Iterator<Rule> it = ServiceLoader.load(Rule.class, loader).iterator();
    while (true) {
      Rule rule;
      try {
        if (!it.hasNext()) {
          break;
        }
        rule = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        mine.add(
            name + ": refused: a rule listed in " + SERVICES + " cannot be created: " + cause(e));
        continue;
      }
      if (Objects.equals(rule.getClass().getClassLoader(), loader)) {
        register(name, loader, rule, mine).ifPresent(found::add);
      }
    }
    if (found.isEmpty() && mine.isEmpty()) {
      mine.add(
          name
              + ": refused: it holds no rules; list its rule classes in "
              + SERVICES
              + ", one per line");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (RegisteredRule r : found) {
      if (seen.merge(r.id(), 1, Integer::sum) == 2) {
        mine.add(name + ": refused: two of its rules have the id '" + r.id() + "'");
      }
    }
    return found;
  }

  /** A rule with valid metadata, or empty with the reasons added to {@code mine}. */
  private Optional<RegisteredRule> register(
      String name, ClassLoader loader, Rule rule, List<String> mine) {
    String cls = rule.getClass().getName();
    RegisteredRule r;
    try {
      r = RegisteredRule.of(rule, name);
    } catch (RuntimeException | LinkageError e) {
      mine.add(name + ": refused: rule " + cls + " has unreadable metadata: " + cause(e));
      return Optional.empty();
    }
    List<String> wrong = new ArrayList<>(RuleCatalog.problemsOf(r.descriptor(), clauses));
    for (Class<? extends Fact> f : r.descriptor().facts()) {
      if (Objects.equals(f.getClassLoader(), loader)) {
        wrong.add(
            r.id()
                + ": reads "
                + f.getName()
                + ", a fact type of the plugin itself, which no collector provides; rules read"
                + " Shipcheck's fact types");
      }
    }
    for (String glob : r.descriptor().files()) {
      Glob.problem(glob).ifPresent(p -> wrong.add(r.id() + ": files: '" + glob + "': " + p));
    }
    wrong.forEach(w -> mine.add(name + ": refused: " + w));
    return wrong.isEmpty() ? Optional.of(r) : Optional.empty();
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && !Objects.equals(root.getCause(), root)) {
      root = root.getCause();
    }
    return Objects.equals(root, e) ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
  }

  private static void closeAll(List<URLClassLoader> loaders) {
    for (URLClassLoader l : loaders) {
      try {
        l.close();
      } catch (IOException e) {
        // nothing more can be done; the jar was refused anyway
      }
    }
  }
}
