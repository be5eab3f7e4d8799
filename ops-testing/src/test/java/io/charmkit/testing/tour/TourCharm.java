package io.charmkit.testing.tour;

import io.charmkit.ops.Charm;
import io.charmkit.ops.Dispatcher;
import io.charmkit.ops.event.ActionEvent;
import io.charmkit.ops.event.CollectStatusEvent;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.hooktools.Port;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.model.Container;
import io.charmkit.ops.model.Relation;
import io.charmkit.ops.model.Secret;
import io.charmkit.ops.model.Status;
import io.charmkit.ops.pebble.ChangeErrorException;
import io.charmkit.ops.pebble.Layer;
import io.charmkit.ops.pebble.PushOptions;
import io.charmkit.ops.pebble.Service;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charm of the README's API tour: a web server in the {@code web} container, configured from
 * the {@code port} option and the {@code db} relation, with a {@code create-admin} action that
 * keeps the password in a Juju secret. The text between {@code // tour:} markers is quoted verbatim
 * in the README ({@code ReadmeTourTest} keeps them equal).
 */
public final class TourCharm extends Charm {
  private static final String CONTAINER = "web";
  private static final SecureRandom RANDOM = new SecureRandom();
  private boolean serverFailed;

  // tour:observe
  /** Every event that changes what the web server needs leads to the same reconcile. */
  public TourCharm(Framework framework) {
    super(framework);
    observe(on().configChanged(), e -> reconcile());
    observe(on().pebbleReady(CONTAINER), e -> reconcile());
    observe(on().relationChanged("db"), e -> reconcile());
    observe(on().action("create-admin"), this::onCreateAdmin);
    observe(on().collectUnitStatus(), this::onCollectStatus);
  }

  // tour:end

  // tour:config
  private int port() {
    return config().integer("port").orElseThrow().intValue(); // config.yaml gives a default
  }

  // tour:end

  // tour:relations
  private Optional<String> databaseUrl() {
    Optional<Relation> db = model().relation("db"); // limit: 1, so at most one
    if (db.isPresent() && unit().isLeader()) {
      db.get().localAppData().put("database", app().name()); // written once, at commit
    }
    return db.flatMap(Relation::remoteAppData).flatMap(bag -> bag.get("url"));
  }

  // tour:end

  // tour:pebble
  private void reconcile() {
    Container web = model().container(CONTAINER);
    if (!web.canConnect()) {
      return; // web-pebble-ready brings us back
    }
    String conf = "port: " + port() + "\ndatabase: " + databaseUrl().orElse("none") + "\n";
    web.pebble()
        .push(
            "/etc/web/web.conf",
            conf,
            PushOptions.defaults().withMakeDirs().withPermissions("640"));
    Service server =
        Service.builder("/usr/bin/web --config /etc/web/web.conf")
            .enabled()
            .env("PORT", String.valueOf(port()))
            .build();
    web.pebble().addLayer("web", Layer.of("web server", Map.of("web", server)), true);
    try {
      web.pebble().replan();
    } catch (ChangeErrorException e) {
      serverFailed = true; // a workload fault is a status, not a failed hook
    }
    unit().setPorts(Set.of(Port.tcp(port())));
  }

  // tour:end

  // tour:actions
  private void onCreateAdmin(ActionEvent event) {
    if (!unit().isLeader()) {
      event.fail("only the leader creates admins");
      return;
    }
    String user = event.param("user").orElseThrow(); // required: Juju refuses the action without
    int length = ((Number) event.params().get("password-length")).intValue(); // default 16
    Secret secret =
        app()
            .addSecret(
                Map.of("username", user, "password", password(length)),
                SecretOptions.application().withLabel("admin-" + user));
    event.log("created admin " + user);
    event.setResults(Map.of("secret-id", secret.id().orElseThrow()));
  }

  // tour:end

  // tour:status
  private void onCollectStatus(CollectStatusEvent event) {
    if (!model().container(CONTAINER).canConnect()) {
      event.addStatus(Status.waiting("waiting for the web container"));
    }
    if (model()
        .relation("db")
        .flatMap(Relation::remoteAppData)
        .flatMap(b -> b.get("url"))
        .isEmpty()) {
      event.addStatus(Status.blocked("needs a db relation"));
    }
    if (serverFailed) {
      event.addStatus(Status.blocked("the web server does not start: see juju debug-log"));
    }
    event.addStatus(Status.active()); // the most severe status added wins
  }

  // tour:end

  private static String password(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return s.toString();
  }

  /** The entry point the charm's {@code dispatch} runs. */
  public static void main(String[] args) {
    Dispatcher.main(TourCharm::new);
  }
}
