package dev.shipcheck.reports.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The subset of the SARIF 2.1.0 object model Shipcheck writes, serialised by Jackson. */
final class Sarif {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String VERSION = "2.1.0";

  private Sarif() {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Run(
      Tool tool,
      List<Invocation> invocations,
      AutomationDetails automationDetails,
      List<ToolComponent> taxonomies,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<Result> results,
      String columnKind,
      Map<String, Object> properties) {}

  record Tool(ToolComponent driver) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ToolComponent(
      String name,
      Optional<String> semanticVersion,
      Optional<String> informationUri,
      Optional<String> organization,
      Optional<Text> shortDescription,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<ReportingDescriptor> rules,
      List<ReportingDescriptor> taxa,
      List<ToolComponentReference> supportedTaxonomies) {}

  record ToolComponentReference(String name, Optional<Integer> index) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ReportingDescriptor(
      String id,
      Optional<String> name,
      List<String> deprecatedIds,
      Text shortDescription,
      Optional<Text> fullDescription,
      Optional<Help> help,
      Optional<Configuration> defaultConfiguration,
      List<Relationship> relationships,
      Map<String, Object> properties) {}

  record Text(String text) {}

  record Help(String text, String markdown) {}

  record Configuration(String level) {}

  record Relationship(Target target, List<String> kinds) {}

  record Target(String id, ToolComponentReference toolComponent) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Invocation(
      boolean executionSuccessful,
      Optional<String> startTimeUtc,
      Optional<String> endTimeUtc,
      List<Notification> toolExecutionNotifications,
      List<Notification> toolConfigurationNotifications) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Notification(
      String level,
      Message message,
      Optional<DescriptorReference> descriptor,
      Optional<DescriptorReference> associatedRule,
      Map<String, Object> properties) {}

  record DescriptorReference(String id, Optional<Integer> index) {}

  record AutomationDetails(String id) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Result(
      String ruleId,
      int ruleIndex,
      String kind,
      String level,
      Message message,
      List<Location> locations,
      List<Location> relatedLocations,
      Map<String, String> partialFingerprints,
      List<Suppression> suppressions,
      Optional<String> baselineState,
      Map<String, Object> properties) {}

  record Message(String text) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Location(
      Optional<Integer> id,
      PhysicalLocation physicalLocation,
      List<LogicalLocation> logicalLocations,
      Optional<Message> message) {}

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record ArtifactLocation(String uri) {}

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Region(int startLine, Optional<Integer> startColumn) {}

  record LogicalLocation(String name, String fullyQualifiedName, String kind) {}

  record Suppression(String kind, String status, String justification) {}
}
