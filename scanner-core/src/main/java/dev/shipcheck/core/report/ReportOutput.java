package dev.shipcheck.core.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a report writer puts its files. The caller makes each file appear atomically (written to a
 * temporary file, renamed into place when complete), so writers never see the file system.
 */
public interface ReportOutput {
  /** Opens a file relative to the report directory, e.g. {@code sarif/acme__shop.sarif}. */
  OutputStream open(String relativePath) throws IOException;
}
