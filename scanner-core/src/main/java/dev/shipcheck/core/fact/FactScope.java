package dev.shipcheck.core.fact;

/** Whether a fact has one value per project or one value for the whole organisation scan. */
public enum FactScope {
  PROJECT,
  ORGANISATION
}
