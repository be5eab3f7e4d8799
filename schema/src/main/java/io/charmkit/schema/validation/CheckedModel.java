package io.charmkit.schema.validation;

import java.util.List;

/**
 * A model with rules that span several of its values (e.g. "no two entries share a uid"), which
 * Jakarta constraints on single fields cannot express. The codecs run {@link #check()} after the
 * field constraints, on reading and on writing.
 */
public interface CheckedModel {

  /**
   * Returns what is wrong with this model beyond its field constraints; empty when nothing is.
   *
   * @return the problems, with paths in databag terms
   */
  List<Problem> check();
}
