package dev.shipcheck.cli;

import dev.shipcheck.checks.CheckReferences;
import dev.shipcheck.checks.DeclarativeChecks;
import dev.shipcheck.cli.plugin.PluginDirectory;
import dev.shipcheck.cli.plugin.PluginException;
import dev.shipcheck.cli.plugin.PluginLoader;
import dev.shipcheck.cli.plugin.Plugins;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicyReferences;
import dev.shipcheck.core.rule.RuleCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules and clauses a command works with: the built-in rules, the rules of the plugin jars
 * ({@code --plugins} and the policy's {@code plugins:}), the policy's declarative checks, and the
 * built-in clauses with the policy's own. The policy is checked against all of them, so a plugin's
 * rule id is accepted in {@code rules:} and {@code waivers:} and an unknown one is still an error.
 * Closing it releases the plugin jars.
 */
final class RuleSetup implements AutoCloseable {
  static final String PLUGINS_OPTION = "plugins";

  private final RuleCatalog catalog;
  private final ClauseCatalog clauses;
  private final Plugins plugins;

  private RuleSetup(RuleCatalog catalog, ClauseCatalog clauses, Plugins plugins) {
    this.catalog = catalog;
    this.clauses = clauses;
    this.plugins = plugins;
  }

  RuleCatalog catalog() {
    return catalog;
  }

  ClauseCatalog clauses() {
    return clauses;
  }

  Plugins plugins() {
    return plugins;
  }

  /**
   * @param pluginDirs the {@code --plugins} values, relative to the working directory
   * @throws Policies.InvalidPolicyException for problems in the policy file (with positions)
   * @throws UsageException when a plugin jar is refused; nothing may run then
   */
  static RuleSetup of(LoadedPolicy policy, List<String> pluginDirs, Terminal terminal)
      throws Policies.InvalidPolicyException, UsageException {
    ClauseCatalog builtInClauses = ClauseCatalog.builtIn();
    List<PolicyProblem> clauseProblems =
        new ArrayList<>(PolicyReferences.clauseProblems(policy, builtInClauses));
    ClauseCatalog clauses = PolicyReferences.clauses(policy, builtInClauses);
    if (clauseProblems.isEmpty()) {
      clauseProblems.addAll(CheckReferences.clauseProblems(policy, clauses));
    }
    if (!clauseProblems.isEmpty()) {
      throw new Policies.InvalidPolicyException(clauseProblems);
    }
    Plugins plugins;
    try {
      plugins =
          PluginLoader.load(
              directories(policy, pluginDirs), clauses, RuleSetup.class.getClassLoader());
    } catch (PluginException e) {
      throw new UsageException(
          "plugin jars refused, nothing was scanned:\n  " + String.join("\n  ", e.problems()));
    }
    plugins.notes().forEach(n -> terminal.err().println("shipcheck: note: " + Terminal.clean(n)));
    try {
      RuleCatalog withPlugins = RuleCatalog.builtIn().plus(plugins.rules());
      List<PolicyProblem> idProblems = CheckReferences.idProblems(policy, withPlugins);
      if (!idProblems.isEmpty()) {
        throw new Policies.InvalidPolicyException(idProblems);
      }
      RuleCatalog catalog = withPlugins.plus(DeclarativeChecks.rules(policy));
      Policies.checkRuleIds(policy, catalog);
      return new RuleSetup(catalog, clauses, plugins);
    } catch (Policies.InvalidPolicyException | RuntimeException e) {
      closeQuietly(plugins);
      throw e;
    }
  }

  /** {@code --plugins} first, then the policy's {@code plugins:}, relative to the policy file. */
  static List<PluginDirectory> directories(LoadedPolicy policy, List<String> pluginDirs) {
    List<PluginDirectory> dirs = new ArrayList<>();
    for (String d : pluginDirs) {
      dirs.add(new PluginDirectory(Path.of(d), "--plugins " + d));
    }
    List<String> declared = policy.policy().plugins();
    Path base =
        policy.isBuiltIn()
            ? Path.of("")
            : Path.of(policy.source()).toAbsolutePath().normalize().getParent();
    for (int i = 0; i < declared.size(); i++) {
      dirs.add(
          new PluginDirectory(
              base.resolve(declared.get(i)),
              "plugins["
                  + i
                  + "] of "
                  + policy.source()
                  + ":"
                  + policy.positionOf("/plugins/" + i)));
    }
    return dirs;
  }

  private static void closeQuietly(Plugins plugins) {
    try {
      plugins.close();
    } catch (IOException e) {
      // the command is failing anyway
    }
  }

  @Override
  public void close() throws IOException {
    plugins.close();
  }
}
