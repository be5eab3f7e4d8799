package io.charmkit.ops.pebble;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of {@code GET /v1/files?action=list}.
 *
 * @param path the absolute path
 * @param name the base name
 * @param type {@code file}, {@code directory}, {@code symlink}, {@code socket}, {@code named-pipe},
 *     {@code device} or {@code unknown}
 * @param size the size in bytes for files, else {@code null}
 * @param permissions a 3-digit octal string such as {@code 644}
 * @param lastModified RFC 3339 modification time
 * @param userId the owner's uid, or {@code null}
 * @param user the owner's name, or {@code null}
 * @param groupId the group's gid, or {@code null}
 * @param group the group's name, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileInfo(
    String path,
    String name,
    String type,
    Long size,
    String permissions,
    @JsonProperty("last-modified") String lastModified,
    @JsonProperty("user-id") Integer userId,
    String user,
    @JsonProperty("group-id") Integer groupId,
    String group) {

  /** Whether the entry is a directory. */
  public boolean isDirectory() {
    return "directory".equals(type);
  }
}
