package dev.shipcheck.facts.docker;

import dev.shipcheck.core.policy.PolicySection;
import java.util.List;

/**
 * The policy's {@code docker:} section: where a Dockerfile may live.
 *
 * @param paths relative paths, matched case-insensitively, in order of preference
 */
public record DockerPolicy(List<String> paths) {
  public static final PolicySection<DockerPolicy> SECTION = new Section();

  public DockerPolicy {
    paths = List.copyOf(paths);
  }

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<DockerPolicy> {
    @Override
    public String key() {
      return "docker";
    }

    @Override
    public Class<DockerPolicy> type() {
      return DockerPolicy.class;
    }

    @Override
    public DockerPolicy defaults() {
      return new DockerPolicy(List.of("Dockerfile", "Containerfile", "docker/Dockerfile"));
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 10;
    }

    @Override
    public String starter() {
      return """
          # Where a Dockerfile may live (Deployment Policy 1), matched case-insensitively.
          docker:
            paths: [Dockerfile, Containerfile, docker/Dockerfile]
          """;
    }
  }
}
