package io.charmkit.maven;

import io.charmkit.maven.init.CharmProjectSpec;
import io.charmkit.maven.init.CharmProjectWriter;
import io.charmkit.maven.init.InitSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lays out a new charm project, from any directory (no project needed): {@code mvn
 * io.charmkit:charmkit-maven-plugin:VERSION:init -Dname=my-charm}. The project's parent is
 * charmkit-charm-parent at this plugin's own version; it builds and tests green as written.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public final class InitMojo extends AbstractMojo {
  /** The charm's name: Juju's application name and the project's directory and artifactId. */
  @Parameter(property = "name", required = true)
  private String name;

  /** The project's Maven group. */
  @Parameter(property = "groupId", defaultValue = CharmProjectSpec.DEFAULT_GROUP)
  private String groupId;

  /** The charm class's package; by default the group and the name without hyphens. */
  @Parameter(property = "package")
  private String javaPackage;

  /** Where the project goes; by default a new directory named after the charm, here. */
  @Parameter(property = "directory")
  private File directory;

  /** Where Maven was started: the parent of the default directory. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  private File executionRoot;

  /** This plugin's version: the charmkit version the new project pins. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String charmkitVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    CharmProjectSpec spec;
    try {
      spec = CharmProjectSpec.of(name, groupId, javaPackage, charmkitVersion);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    File target = directory != null ? directory : new File(executionRoot, spec.name());
    try {
      CharmProjectWriter.write(spec, target.toPath());
    } catch (FileAlreadyExistsException e) {
      throw new MojoFailureException(
          target + " exists: refusing to overwrite it; pass -Ddirectory=... or another -Dname", e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the project into " + target, e);
    }
    getLog().info(InitSummary.of(spec, target.toPath()));
  }
}
