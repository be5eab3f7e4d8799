package io.charmkit.ops.pebble;

/**
 * Options for {@link PebbleClient#push}; every field is optional ({@code null} means "Pebble's
 * default").
 *
 * @param makeDirs create missing parent directories
 * @param permissions a 3-digit octal string such as {@code 644}
 * @param userId the owner's uid
 * @param user the owner's name
 * @param groupId the group's gid (needs a user too)
 * @param group the group's name (needs a user too)
 */
public record PushOptions(
    boolean makeDirs,
    String permissions,
    Integer userId,
    String user,
    Integer groupId,
    String group) {

  /** Validates the permissions string, so a typo fails here rather than inside Pebble. */
  public PushOptions {
    if (permissions != null && !permissions.matches("[0-7]{3}")) {
      throw new IllegalArgumentException(
          "permissions must be 3 octal digits such as \"644\", not \"" + permissions + "\"");
    }
  }

  /** No options: no parent creation, Pebble's default permissions and owner. */
  public static PushOptions defaults() {
    return new PushOptions(false, null, null, null, null, null);
  }

  /** These options with parent directories created as needed. */
  public PushOptions withMakeDirs() {
    return new PushOptions(true, permissions, userId, user, groupId, group);
  }

  /** These options with the given permissions, e.g. {@code "600"}. */
  public PushOptions withPermissions(String perms) {
    return new PushOptions(makeDirs, perms, userId, user, groupId, group);
  }

  /** These options with the given owner names. */
  public PushOptions withOwner(String newUser, String newGroup) {
    return new PushOptions(makeDirs, permissions, userId, newUser, groupId, newGroup);
  }
}
