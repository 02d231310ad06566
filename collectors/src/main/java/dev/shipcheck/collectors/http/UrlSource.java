package dev.shipcheck.collectors.http;

import dev.shipcheck.core.policy.PolicySection;

/**
 * A source reached at one URL, as its {@code sources.<name>} policy section writes it.
 *
 * @param url the API's base URL
 */
public record UrlSource(String url) {

  /**
   * The {@code sources.<name>: {url: ...}} section of a source reached at a URL; each such source
   * registers a subclass naming itself and its default endpoint.
   */
  public abstract static class Section implements PolicySection<UrlSource> {
    private final String name;
    private final String defaultUrl;

    protected Section(String name, String defaultUrl) {
      this.name = name;
      this.defaultUrl = defaultUrl;
    }

    @Override
    public final String key() {
      return "sources." + name;
    }

    @Override
    public final Class<UrlSource> type() {
      return UrlSource.class;
    }

    @Override
    public final UrlSource defaults() {
      return new UrlSource(defaultUrl);
    }

    @Override
    public final String schemaResource() {
      return "/dev/shipcheck/collectors/http/url-source.json";
    }

    @Override
    public String starter() {
      return "#   " + name + ": { url: \"" + defaultUrl + "\" }";
    }
  }
}
