package dev.shipcheck.facts.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Dockerfile the policy cares about: its {@code FROM} instructions, with build
 * arguments substituted and stage names told apart from external images. Follows the Dockerfile
 * reference: instructions are case-insensitive, {@code \} (or the {@code # escape=} character)
 * continues a line, comment lines are skipped, and {@code ARG}s before the first {@code FROM} are
 * visible in {@code FROM} lines.
 */
public record Dockerfile(List<From> froms, List<String> problems) {

  public Dockerfile {
    froms = List.copyOf(froms);
    problems = List.copyOf(problems);
  }

  /**
   * One {@code FROM} instruction.
   *
   * @param line 1-based line where the instruction starts
   * @param written the image as written, e.g. {@code node:${NODE}}
   * @param image the image after substituting build arguments; empty if an argument has no value
   * @param stage the {@code AS} name, empty if none
   * @param previousStage whether the image names an earlier stage of this Dockerfile
   */
  public record From(
      int line,
      String written,
      Optional<String> image,
      Optional<String> stage,
      boolean previousStage) {

    /** {@code scratch} is the empty image: nothing to pin. */
    public boolean isScratch() {
      return image.map(i -> i.equalsIgnoreCase("scratch")).orElse(false);
    }

    /** Whether the image is external (not scratch, not an earlier stage). */
    public boolean isExternal() {
      return !previousStage && !isScratch();
    }

    /** The image's reference split into name, tag and digest. */
    public Optional<ImageRef> ref() {
      return image.map(ImageRef::parse);
    }
  }

  /** An image reference {@code [registry/]name[:tag][@digest]}. */
  public record ImageRef(String name, Optional<String> tag, Optional<String> digest) {
    static ImageRef parse(String ref) {
      String rest = ref;
      Optional<String> digest = Optional.empty();
      int at = rest.indexOf('@');
      if (at >= 0) {
        digest = Optional.of(rest.substring(at + 1));
        rest = rest.substring(0, at);
      }
      Optional<String> tag = Optional.empty();
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        tag = Optional.of(rest.substring(colon + 1));
        rest = rest.substring(0, colon);
      }
      return new ImageRef(rest, tag, digest);
    }

    /**
     * A well-formed digest pins the exact image; a tag other than {@code latest} pins a version. A
     * malformed digest pins nothing ({@code node:latest@x} is not pinned: see {@link
     * #malformedDigest}).
     */
    public boolean pinned() {
      return (digest.isPresent() && malformedDigest().isEmpty())
          || (digest.isEmpty()
              && tag.filter(t -> !t.isBlank() && !t.equalsIgnoreCase("latest")).isPresent());
    }

    /**
     * Why the digest is not one, when it is written and malformed. The OCI image spec's grammar:
     * {@code algorithm ":" encoded}, the algorithm's components {@code [a-z0-9]+} joined by {@code
     * [+._-]}; its registered algorithms fix the encoding ({@code sha256}: 64 lowercase hex digits,
     * {@code sha512}: 128), and for any other we ask, as Docker's reference grammar does, for at
     * least 32 hex digits, so that {@code @x} or {@code @a:b} never counts as a pin.
     */
    public Optional<String> malformedDigest() {
      if (digest.isEmpty()) {
        return Optional.empty();
      }
      String d = digest.get();
      Matcher m = DIGEST.matcher(d);
      if (!m.matches()) {
        return Optional.of("'" + d + "' is not algorithm:hex (e.g. sha256: and 64 hex digits)");
      }
      String algorithm = m.group(1);
      String encoded = m.group(2);
      int want =
          switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> -1;
          };
      if (want > 0 && !(encoded.length() == want && LOWER_HEX.matcher(encoded).matches())) {
        return Optional.of(
            "'" + d + "' is not " + algorithm + ": and " + want + " lowercase hex digits");
      }
      if (want < 0 && !(encoded.length() >= 32 && HEX.matcher(encoded).matches())) {
        return Optional.of("'" + d + "' is not " + algorithm + ": and at least 32 hex digits");
      }
      return Optional.empty();
    }
  }

  private static final Pattern DIGEST =
      Pattern.compile("([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)");
  private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]+");
  private static final Pattern HEX = Pattern.compile("[a-fA-F0-9]+");

  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern VAR =
      Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\\}|([A-Za-z_][A-Za-z0-9_]*))");

  public static Dockerfile parse(String text) {
    List<Instruction> instructions = instructions(text);
    Map<String, Optional<String>> globalArgs = new HashMap<>();
    List<String> stages = new ArrayList<>();
    List<From> froms = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean seenFrom = false;
    for (Instruction ins : instructions) {
      if (ins.keyword().equals("ARG") && !seenFrom) {
        for (String decl : ins.args().trim().split("\\s+")) {
          if (decl.isEmpty()) {
            continue;
          }
          int eq = decl.indexOf('=');
          if (eq < 0) {
            globalArgs.put(decl, Optional.empty());
          } else {
            String value = unquote(decl.substring(eq + 1));
            globalArgs.put(decl.substring(0, eq), substitute(value, globalArgs));
          }
        }
      } else if (ins.keyword().equals("FROM")) {
        seenFrom = true;
        List<String> words = new ArrayList<>();
        for (String w : ins.args().trim().split("\\s+")) {
          if (!w.isEmpty() && !w.startsWith("--")) {
            words.add(w);
          }
        }
        if (words.isEmpty()) {
          problems.add("line " + ins.line() + ": FROM without an image");
          continue;
        }
        String written = words.get(0);
        Optional<String> stage = Optional.empty();
        if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
          stage = Optional.of(words.get(2));
        }
        Optional<String> image = substitute(written, globalArgs);
        boolean previous =
            image.isPresent() && stages.contains(image.get().toLowerCase(Locale.ROOT));
        froms.add(new From(ins.line(), written, image, stage, previous));
        stage.ifPresent(s -> stages.add(s.toLowerCase(Locale.ROOT)));
      }
    }
    return new Dockerfile(froms, problems);
  }

  /** Substitutes {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}; empty if unresolvable. */
  static Optional<String> substitute(String value, Map<String, Optional<String>> args) {
    Matcher m = VAR.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      Optional<String> v = args.getOrDefault(name, Optional.empty()).filter(s -> !s.isEmpty());
      String replacement;
      if ("-".equals(m.group(2))) {
        replacement = v.orElse(m.group(3));
      } else if ("+".equals(m.group(2))) {
        replacement = v.isPresent() ? m.group(3) : "";
      } else if (v.isPresent()) {
        replacement = v.get();
      } else {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private record Instruction(int line, String keyword, String args) {}

  private static List<Instruction> instructions(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    char escape = '\\';
    int i = 0;
    // Parser directives come first, before any comment, blank line or instruction.
    while (i < lines.length) {
      Matcher d = DIRECTIVE.matcher(lines[i]);
      if (!d.matches()) {
        break;
      }
      if (d.group(1).equalsIgnoreCase("escape") && d.group(2).length() == 1) {
        escape = d.group(2).charAt(0);
      }
      i++;
    }
    List<Instruction> out = new ArrayList<>();
    StringBuilder current = null;
    int startLine = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        continue; // comments may sit inside continued instructions too
      }
      if (current == null) {
        if (trimmed.isEmpty()) {
          continue;
        }
        current = new StringBuilder();
        startLine = i + 1;
      }
      String stripped = line.stripTrailing();
      if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
        current.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      out.add(toInstruction(startLine, current.toString()));
      current = null;
    }
    if (current != null) {
      out.add(toInstruction(startLine, current.toString()));
    }
    return out;
  }

  private static Instruction toInstruction(int line, String text) {
    String t = text.strip();
    int space = 0;
    while (space < t.length() && !Character.isWhitespace(t.charAt(space))) {
      space++;
    }
    return new Instruction(
        line, t.substring(0, space).toUpperCase(Locale.ROOT), t.substring(space));
  }
}
