package io.charmkit.ops;

import io.charmkit.ops.framework.Component;
import io.charmkit.ops.framework.Framework;
import io.charmkit.ops.model.Application;
import io.charmkit.ops.model.Config;
import io.charmkit.ops.model.Unit;

/**
 * The base of every charm. A charm registers its observers in its constructor and has a {@code
 * main} that hands its constructor to {@link Dispatcher#main}:
 *
 * <pre>{@code
 * public final class MyCharm extends Charm {
 *   public MyCharm(Framework framework) {
 *     super(framework);
 *     observe(on().configChanged(), e -> reconcile());
 *   }
 *
 *   public static void main(String[] args) {
 *     Dispatcher.main(MyCharm::new);
 *   }
 * }
 * }</pre>
 */
public abstract class Charm extends Component {
  private final CharmEvents events;

  /** Creates the charm: the root of the dispatch's object tree. */
  protected Charm(Framework framework) {
    super(framework);
    this.events = new CharmEvents(this, framework.model().metadata());
  }

  /** The charm's Juju events. */
  public final CharmEvents on() {
    return events;
  }

  /** This unit. */
  public final Unit unit() {
    return model().unit();
  }

  /** This application. */
  public final Application app() {
    return model().app();
  }

  /** The typed config. */
  public final Config config() {
    return model().config();
  }
}
