package dev.shipcheck.simulators.acme;

import static dev.shipcheck.simulators.acme.AcmeFiles.DOCKERFILE;
import static dev.shipcheck.simulators.acme.AcmeFiles.PYTHON_DOCKERFILE;
import static dev.shipcheck.simulators.acme.AcmeFiles.ROLLBACK;
import static dev.shipcheck.simulators.acme.AcmeOrg.CORE;
import static dev.shipcheck.simulators.acme.AcmeOrg.LATEST_ORB;

import dev.shipcheck.simulators.acme.AcmeProject.Protection;
import dev.shipcheck.simulators.aws.SimAccount;
import dev.shipcheck.simulators.statuscake.SimUptimeCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's projects, accounts and monitors. Each project is compliant except where its story
 * says; the demo test holds the outcome expected for every (project, rule) pair.
 */
final class AcmeDemo {
  private AcmeDemo() {}

  static List<AcmeProject> projects() {
    return List.of(
        project("shop", "compliant throughout: classic branch protection, orb at its latest")
            .build(),
        project("checkout", "production protected by a repository ruleset; linked in the policy")
            .protection(Protection.RULESET)
            .build(),
        project("payments", "has an approval job, but the production deploy does not require it")
            .config(AcmeFiles.pipeline(LATEST_ORB, "production-deploy", "test", "test"))
            .build(),
        project("search", "pins the deployment orb a major version behind the latest")
            .config(AcmeFiles.pipeline("2.4.1"))
            .build(),
        project("inventory", "nothing runs on qa; its deploy context is limited to the project")
            .config(AcmeFiles.STAGING_AND_PRODUCTION_ONLY)
            .build(),
        project("reporting", "deploys by script, not the orb, with no marker; paused monitor")
            .file("Dockerfile", PYTHON_DOCKERFILE)
            .config(AcmeFiles.SCRIPTED_DEPLOY)
            .without(".circleci/rollback.yml")
            .build(),
        project("notifications", "has no AWS account; its monitor alerts no contact group").build(),
        project("billing", "runs in a suspended account; the approval does not wait for tests")
            .config(AcmeFiles.pipeline(LATEST_ORB, "production-deploy", "hold", "build"))
            .build(),
        project("admin-portal", "runs in the organisation's management account").build(),
        project("analytics", "its protection settings are hidden from the token; open context")
            .file("Dockerfile", PYTHON_DOCKERFILE)
            .config(AcmeFiles.pipeline(LATEST_ORB, "analytics-deploy", "hold", "test"))
            .protection(Protection.UNREADABLE)
            .build(),
        project("mobile-api", "no Dockerfile, no staging branch, no CircleCI, no protection")
            .without("Dockerfile")
            .without(".circleci/config.yml")
            .without(".circleci/rollback.yml")
            .branches("main", "qa", "production")
            .protection(Protection.NONE)
            .build(),
        project("legacy-web", "unpinned base image (waiver expired), old orb (waiver live)")
            .file("Dockerfile", AcmeFiles.UNPINNED_DOCKERFILE)
            .config(AcmeFiles.pipeline("2.3.0"))
            .build());
  }

  private static Builder project(String name, String story) {
    return new Builder(name, story);
  }

  static List<SimAccount> accounts() {
    return List.of(
        AcmeOrg.managementAccount(Map.of("Project", "admin-portal")),
        account("200000000001", "shop-prod", "shop"),
        account("200000000002", "checkout-prod", ""),
        account("200000000003", "payments-prod", "payments"),
        account("200000000004", "search-prod", "search"),
        account("200000000005", "data-platform", "inventory, reporting"),
        account("200000000006", "billing-prod", "billing").withState("SUSPENDED"),
        account("200000000007", "analytics-prod", "analytics"),
        account("200000000008", "mobile-api-prod", "mobile-api"),
        account("200000000009", "legacy-web-prod", "legacy-web"),
        account("200000000010", "sandbox", ""));
  }

  private static SimAccount account(String id, String name, String project) {
    return SimAccount.active(id, name, project.isEmpty() ? Map.of() : Map.of("Project", project));
  }

  static List<SimUptimeCheck> checks() {
    return List.of(
        check("6100001", "shop", "https://shop.acme.example/health", "project:shop"),
        // No tag: linked by the production URL the policy gives for acme/checkout.
        check("6100002", "checkout", "https://checkout.acme.example/", ""),
        check("6100003", "payments", "https://pay.acme.example", "project:payments"),
        check("6100004", "search", "https://search.acme.example", "project:search"),
        check("6100005", "inventory", "https://inventory.acme.example", "project:inventory"),
        check("6100006", "reporting", "https://reports.acme.example", "project:reporting")
            .paused(true),
        check("6100007", "notifications", "https://notify.acme.example", "project:notifications")
            .withContactGroups(),
        check("6100008", "billing", "https://billing.acme.example", "project:billing"),
        check("6100009", "admin-portal", "https://admin.acme.example", "project:admin-portal"),
        check("6100010", "analytics", "https://analytics.acme.example", "project:analytics"),
        check("6100011", "legacy-web", "https://www.acme.example", "project:legacy-web"),
        check("6100012", "status page", "https://status.acme.example", ""));
  }

  private static SimUptimeCheck check(String id, String name, String url, String tag) {
    return tag.isEmpty()
        ? SimUptimeCheck.http(id, name, url)
        : SimUptimeCheck.http(id, name, url, tag);
  }

  /** A compliant project, changed one file or setting at a time. */
  private static final class Builder {
    private final String name;
    private final String story;
    private final Map<String, String> files = new LinkedHashMap<>();
    private List<String> branches = CORE;
    private Protection protection = Protection.CLASSIC;

    Builder(String name, String story) {
      this.name = name;
      this.story = story;
      files.put("README.md", "# " + name + "\n");
      files.put("Dockerfile", DOCKERFILE);
      files.put(".circleci/config.yml", AcmeFiles.pipeline(LATEST_ORB));
      files.put(".circleci/rollback.yml", ROLLBACK);
    }

    Builder file(String path, String text) {
      files.put(path, text);
      return this;
    }

    Builder config(String text) {
      return file(".circleci/config.yml", text);
    }

    Builder without(String path) {
      files.remove(path);
      return this;
    }

    Builder branches(String... names) {
      branches = List.of(names);
      return this;
    }

    Builder protection(Protection p) {
      protection = p;
      return this;
    }

    AcmeProject build() {
      return new AcmeProject(name, story, files, branches, protection);
    }
  }
}
