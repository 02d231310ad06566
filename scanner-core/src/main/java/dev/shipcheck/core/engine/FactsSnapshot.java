package dev.shipcheck.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.FactTypes;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.report.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts snapshot: what exactly the scanner saw, as JSON, so a scan can be re-evaluated offline
 * ({@code --from-facts}) with the same results. Derived facts are not saved; they are recomputed.
 */
public final class FactsSnapshot {
  public static final int FORMAT = 1;

  private FactsSnapshot() {}

  /** A snapshot read back: the projects, the target, and the facts. */
  public record Loaded(Target target, List<Project> projects, FactStore facts) {}

  /** A snapshot file that cannot be used. */
  public static final class SnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
      super(message);
    }
  }

  public static void write(
      FactStore store, Target target, List<Project> projects, Instant createdAt, OutputStream out)
      throws IOException {
    ObjectMapper m = Json.mapper();
    ObjectNode root = m.createObjectNode();
    root.put("format", FORMAT);
    root.set("tool", m.valueToTree(ToolInfo.current()));
    root.put("createdAt", createdAt.toString());
    root.set("target", m.valueToTree(target));
    ArrayNode names = root.putArray("projects");
    projects.forEach(p -> names.add(p.name()));
    root.set("shared", entries(m, store.sharedFacts()));
    ObjectNode facts = root.putObject("facts");
    for (Project p : projects) {
      facts.set(p.name(), entries(m, store.projectFacts(p)));
    }
    ArrayNode notes = root.putArray("notifications");
    store.notifications().forEach(n -> notes.add(m.valueToTree(n)));
    m.writerWithDefaultPrettyPrinter().writeValue(out, root);
  }

  private static ObjectNode entries(ObjectMapper m, Map<Class<? extends Fact>, FactValue<?>> map) {
    Map<String, FactValue<?>> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(FactTypes.nameOf(k), v));
    ObjectNode out = m.createObjectNode();
    sorted.forEach(
        (name, value) -> {
          ObjectNode e = out.putObject(name);
          e.put("source", value.source());
          if (value instanceof FactValue.Present<?> p) {
            e.put("status", "present");
            e.set("value", m.valueToTree(p.value()));
          } else if (value instanceof FactValue.Missing<?> missing) {
            e.put("status", missing.kind().name().toLowerCase(java.util.Locale.ROOT));
            e.put("reason", missing.reason());
          }
          // an Absent value is derived, never collected: the store never holds one
        });
    return out;
  }

  /**
   * Reads a snapshot.
   *
   * @param known the fact types this build knows (a snapshot naming others is refused)
   */
  public static Loaded read(
      InputStream in, String sourceName, Collection<Class<? extends Fact>> known)
      throws SnapshotException, IOException {
    ObjectMapper m = Json.mapper();
    JsonNode root;
    try {
      root = m.readTree(in);
    } catch (JsonProcessingException e) {
      throw new SnapshotException(
          sourceName
              + ": not a facts snapshot (invalid JSON at line "
              + e.getLocation().getLineNr()
              + "): "
              + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT) {
      throw new SnapshotException(
          sourceName
              + ": not a facts snapshot of format "
              + FORMAT
              + " (written by 'shipcheck scan --save-facts')");
    }
    Map<String, Class<? extends Fact>> types = FactTypes.byName(known);
    try {
      Target target = m.treeToValue(root.path("target"), Target.class);
      List<Project> projects = new ArrayList<>();
      root.path("projects").forEach(n -> projects.add(new Project(n.asText())));
      FactStore store = new FactStore("snapshot");
      readEntries(m, root.path("shared"), types, sourceName, null, store);
      for (Project p : projects) {
        readEntries(m, root.path("facts").path(p.name()), types, sourceName, p, store);
      }
      for (JsonNode n : root.path("notifications")) {
        store.notify(m.treeToValue(n, Notification.class));
      }
      return new Loaded(target, projects, store);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SnapshotException(sourceName + ": damaged facts snapshot: " + e.getMessage());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void readEntries(
      ObjectMapper m,
      JsonNode entries,
      Map<String, Class<? extends Fact>> types,
      String sourceName,
      Project project,
      FactStore store)
      throws JsonProcessingException, SnapshotException {
    for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Class<? extends Fact> type = types.get(e.getKey());
      if (type == null) {
        // A fact no selected rule of this build reads; keep going without it.
        continue;
      }
      JsonNode v = e.getValue();
      String source = v.path("source").asText("snapshot");
      FactValue value =
          switch (v.path("status").asText()) {
            case "present" -> FactValue.present(source, m.treeToValue(v.path("value"), type));
            case "unavailable" -> FactValue.unavailable(source, v.path("reason").asText());
            case "not_configured" -> FactValue.notConfigured(source, v.path("reason").asText());
            case "failed" -> FactValue.failed(source, v.path("reason").asText());
            default ->
                throw new SnapshotException(
                    sourceName
                        + ": fact "
                        + e.getKey()
                        + " has unknown status '"
                        + v.path("status").asText()
                        + "'");
          };
      if (FactTypes.scopeOf(type) == FactScope.ORGANISATION) {
        store.putShared((Class) type, value);
      } else if (project != null) {
        store.put(project, (Class) type, value);
      }
    }
  }
}
