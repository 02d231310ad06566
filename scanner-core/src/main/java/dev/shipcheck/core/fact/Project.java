package dev.shipcheck.core.fact;

import java.util.Objects;

/** A project is one repository, named {@code owner/repo} (or a directory name locally). */
public record Project(String name) implements Comparable<Project> {
  public Project {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("blank project name");
    }
  }

  @Override
  public int compareTo(Project other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
