package io.charmkit.ops.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 binding that sends charm logs to {@code juju-log}. Registered through {@code
 * META-INF/services}, so a charm only logs with {@code org.slf4j.Logger}; {@link JujuLogSink} says
 * which records are forwarded and when.
 */
public final class JujuLogServiceProvider implements SLF4JServiceProvider {
  /** The SLF4J API version this provider is written against. */
  public static final String REQUESTED_API_VERSION = "2.0.99";

  private ILoggerFactory loggerFactory;
  private IMarkerFactory markerFactory;
  private MDCAdapter mdcAdapter;

  /** Called by SLF4J's service loader. */
  public JujuLogServiceProvider() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return REQUESTED_API_VERSION;
  }

  @Override
  public void initialize() {
    loggerFactory = new JujuLoggerFactory(JujuLogSink.router());
    markerFactory = new BasicMarkerFactory();
    mdcAdapter = new BasicMDCAdapter();
  }
}
