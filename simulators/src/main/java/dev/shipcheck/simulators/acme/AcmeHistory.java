package dev.shipcheck.simulators.acme;

import dev.shipcheck.simulators.circleci.history.DeployScenarios;
import dev.shipcheck.simulators.circleci.history.PipelineHistoryHandler;
import dev.shipcheck.simulators.circleci.history.SimPipeline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The CircleCI pipeline history of the sample organisation, relative to the day: {@code shop}
 * deploys compliantly (approved by someone else; one rejected attempt), {@code checkout} has a
 * self-approved deploy, {@code search} one that ran unapproved, {@code inventory} a rejected one
 * and one still on hold, {@code billing} a pipeline with no revision on record. Every other
 * repository has no production pipeline in the period.
 */
public final class AcmeHistory {
  private AcmeHistory() {}

  public static PipelineHistoryHandler handler(AcmeOrg org, String token, Clock clock) {
    Instant now = clock.instant();
    PipelineHistoryHandler.Builder b =
        PipelineHistoryHandler.builder()
            .token(token)
            .user("u-dana", "dana", "Dana Deployer")
            .user("u-omar", "omar", "Omar Approver")
            .user("u-lee", "lee", "Lee Lead");
    for (String name : org.repositoryNames()) {
      b.project("gh/" + AcmeOrg.ORG + "/" + name, pipelines(name, now));
    }
    return b.build();
  }

  private static List<SimPipeline> pipelines(String repo, Instant now) {
    return switch (repo) {
      case "shop" ->
          List.of(
              DeployScenarios.approved(
                  "shop-12", 12, ago(now, 40), "dana", "u-dana", "u-omar", "success"),
              DeployScenarios.rejected("shop-13", 13, ago(now, 20), "dana", "u-dana", "u-lee"),
              DeployScenarios.approved(
                  "shop-14", 14, ago(now, 5), "dana", "u-dana", "u-lee", "success"));
      case "checkout" ->
          List.of(
              DeployScenarios.approved(
                  "checkout-7", 7, ago(now, 30), "dana", "u-dana", "u-omar", "success"),
              DeployScenarios.approved(
                  "checkout-8", 8, ago(now, 10), "Dana", "u-dana", "u-dana", "success"));
      case "search" ->
          List.of(
              DeployScenarios.approved(
                  "search-3", 3, ago(now, 25), "omar", "u-omar", "u-lee", "success"),
              DeployScenarios.unapproved("search-4", 4, ago(now, 12), "omar", "u-omar"));
      case "inventory" ->
          List.of(
              DeployScenarios.rejected("inventory-21", 21, ago(now, 15), "lee", "u-lee", "u-omar"),
              DeployScenarios.pending("inventory-22", 22, ago(now, 1), "lee", "u-lee"));
      case "billing" ->
          List.of(
              withoutRevision(
                  DeployScenarios.approved(
                      "billing-5", 5, ago(now, 8), "lee", "u-lee", "u-omar", "success")));
      default -> List.of();
    };
  }

  /** A pipeline triggered through the API with no revision on record. */
  private static SimPipeline withoutRevision(SimPipeline p) {
    return new SimPipeline(
        p.id(),
        p.number(),
        p.branch(),
        "api",
        p.actor(),
        java.util.Optional.empty(),
        p.createdAt(),
        p.workflows());
  }

  private static Instant ago(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }
}
