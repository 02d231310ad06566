package dev.shipcheck.core.fact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a fact type (its key in the facts snapshot) and says whether it is per project. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FactInfo {
  /** Stable name, e.g. {@code repo.files}; the key in saved facts snapshots. */
  String name();

  /** Whether there is one value per project or one for the whole scan. */
  FactScope scope() default FactScope.PROJECT;

  /** One line for docs: what was observed. */
  String description();
}
