package dev.shipcheck.facts.circleci;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A workflow job's {@code filters}, in either of CircleCI's forms, answering "does this job run for
 * a push to branch X" (tag pushes are not what the policy is about).
 */
public sealed interface Filter {

  /** Whether the job passes the filter for a push to {@code branch}. */
  Tri allows(String branch, Function<String, Value> values);

  /** How the filter reads, for messages. */
  String describe();

  /** No filter, or only tag filters: every branch. */
  record None() implements Filter {
    @Override
    public Tri allows(String branch, Function<String, Value> values) {
      return Tri.YES;
    }

    @Override
    public String describe() {
      return "no branch filter";
    }
  }

  /**
   * The map form, {@code branches: {only, ignore}}: {@code only} is checked before {@code ignore};
   * {@code /re/} entries must match the whole branch name, as CircleCI's Java regexes do.
   */
  record Branches(List<BranchPattern> only, List<BranchPattern> ignore) implements Filter {
    public Branches {
      only = List.copyOf(only);
      ignore = List.copyOf(ignore);
    }

    @Override
    public Tri allows(String branch, Function<String, Value> values) {
      if (!only.isEmpty() && only.stream().noneMatch(p -> p.matches(branch))) {
        return Tri.NO;
      }
      return Tri.of(ignore.stream().noneMatch(p -> p.matches(branch)));
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("branches");
      if (!only.isEmpty()) {
        sb.append(" only ").append(only.stream().map(BranchPattern::written).toList());
      }
      if (!ignore.isEmpty()) {
        sb.append(" ignore ").append(ignore.stream().map(BranchPattern::written).toList());
      }
      return sb.toString();
    }
  }

  /** One {@code only}/{@code ignore} entry: a name, or a {@code /regex/} (Java syntax). */
  record BranchPattern(String written, Optional<ConfigPattern> regex) {
    public BranchPattern {
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(regex, "regex");
    }

    public boolean matches(String branch) {
      return regex.isPresent() ? regex.get().matchesWhole(branch) : written.equals(branch);
    }
  }

  /** The expression-string form, e.g. {@code pipeline.git.branch == "main"}. */
  record Expression(String text, Expr expr) implements Filter {
    @Override
    public Tri allows(String branch, Function<String, Value> values) {
      return expr.eval(values).truth();
    }

    @Override
    public String describe() {
      return "filter '" + shortened(text) + "'";
    }
  }

  /**
   * A job Shipcheck does not model (a matrix past its expansion limits): asking whether it runs
   * makes the fact that needs the answer absent, naming the limit, rather than leaving the job out
   * and judging the rest as if it were not there.
   */
  record Beyond(String reason, dev.shipcheck.core.yaml.Position position) implements Filter {
    public Beyond {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public Tri allows(String branch, Function<String, Value> values) {
      new Expr.Beyond(reason, position).eval(values);
      return Tri.MAYBE; // not reached: evaluating Beyond throws
    }

    @Override
    public String describe() {
      return "not modelled (" + reason + ")";
    }
  }

  /** A filter CircleCI would reject; the job's branches cannot be told. */
  record Invalid(String text, String problem) implements Filter {
    @Override
    public Tri allows(String branch, Function<String, Value> values) {
      return Tri.MAYBE;
    }

    @Override
    public String describe() {
      return "unreadable filter '" + shortened(text) + "' (" + problem + ")";
    }
  }

  /** Long filter text (a hostile config's) shortened for messages. */
  static String shortened(String text) {
    return text.length() <= 200
        ? text
        : text.substring(0, 200) + "... (" + text.length() + " characters)";
  }
}
