package dev.shipcheck.core.collect;

import dev.shipcheck.core.fact.Project;
import java.util.List;
import java.util.Objects;

/**
 * A source that can list the projects of an organisation scan (the GitHub source does). The CLI
 * asks it once, before planning, then narrows the list with the policy's scope and the shard.
 */
public interface ProjectDiscovery {

  /** Every repository of the organisation, sorted by name, with what scope filtering reads. */
  List<DiscoveredProject> discover() throws DiscoveryException;

  /** A repository found in the organisation. */
  record DiscoveredProject(Project project, boolean archived, boolean fork, List<String> topics) {
    public DiscoveredProject {
      Objects.requireNonNull(project, "project");
      topics = List.copyOf(topics);
    }
  }

  /** The organisation could not be listed; the message says why in the user's terms. */
  final class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
      super(message);
    }
  }
}
