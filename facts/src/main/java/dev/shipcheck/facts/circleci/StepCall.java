package dev.shipcheck.facts.circleci;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step a job runs, the config's own commands expanded: what deploy recognition reads to say why
 * a job deploys ("runs `helm upgrade` in step 4") and where an environment is named.
 *
 * @param step the 1-based position of the job's own step it comes from (a step of an expanded
 *     command carries the position of the step that called the command); 0 for {@code
 *     pre-steps}/{@code post-steps}
 * @param name the step's name: {@code run}, {@code checkout}, a command, an orb command {@code
 *     alias/command}
 * @param command the shell text of a {@code run} (or legacy {@code deploy}) step
 * @param args the step's scalar arguments as text ({@code env: dev} of a command call, a run's
 *     {@code environment:} entries)
 */
public record StepCall(int step, String name, Optional<String> command, Map<String, String> args) {
  public StepCall {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(command, "command");
    args = Map.copyOf(args);
  }
}
