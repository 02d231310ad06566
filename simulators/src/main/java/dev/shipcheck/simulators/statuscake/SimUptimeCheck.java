package dev.shipcheck.simulators.statuscake;

import java.util.List;
import java.util.Objects;

/** An uptime check of the simulated StatusCake account, in the fields of {@code GET /v1/uptime}. */
public record SimUptimeCheck(
    String id,
    String name,
    String websiteUrl,
    String testType,
    int checkRate,
    List<String> contactGroups,
    boolean paused,
    String status,
    List<String> tags,
    double uptime) {
  public SimUptimeCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(websiteUrl, "websiteUrl");
    Objects.requireNonNull(testType, "testType");
    contactGroups = List.copyOf(contactGroups);
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
  }

  /** An HTTP check every five minutes, up, alerting contact group 123. */
  public static SimUptimeCheck http(String id, String name, String url, String... tags) {
    return new SimUptimeCheck(
        id, name, url, "HTTP", 300, List.of("123"), false, "up", List.of(tags), 100);
  }

  public SimUptimeCheck paused(boolean on) {
    return new SimUptimeCheck(
        id, name, websiteUrl, testType, checkRate, contactGroups, on, status, tags, uptime);
  }

  public SimUptimeCheck withContactGroups(String... groups) {
    return new SimUptimeCheck(
        id, name, websiteUrl, testType, checkRate, List.of(groups), paused, status, tags, uptime);
  }
}
