package io.charmkit.testing.juju;

import java.util.List;

/**
 * One hook-tool invocation as forwarded by the shim: the hook context it claims, the tool name, its
 * arguments and its stdin (empty unless the arguments say {@code --file -}).
 */
record ToolRequest(String contextId, String tool, List<String> args, String stdin) {}
