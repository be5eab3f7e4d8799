package io.charmkit.maven;

/**
 * A name a charm passes as a string literal to the ops API, where it was found.
 *
 * @param kind what the name must be declared as: endpoint, container, storage, action or config
 *     option
 * @param name the literal
 * @param className the class that passes it, dotted
 * @param method the method the call is in
 * @param source the class's source file, if the class file records it
 * @param line the call's line, or -1 when the class has no line numbers
 * @param api the API called, such as {@code CharmEvents.relationChanged}
 */
record NameUse(
    String kind,
    String name,
    String className,
    String method,
    String source,
    int line,
    String api) {

  /** {@code TemporalCharm.java:81 (io.example.TemporalCharm.<init>)}, for a build message. */
  String where() {
    String file = source == null ? className : source;
    return file
        + (line >= 0 ? ":" + line : "")
        + " ("
        + className
        + "."
        + method
        + ", "
        + api
        + ")";
  }
}
