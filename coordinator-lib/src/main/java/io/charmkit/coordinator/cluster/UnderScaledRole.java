package io.charmkit.coordinator.cluster;

/**
 * A role deployed with fewer units than the product recommends.
 *
 * @param role the role
 * @param units the units running it
 * @param recommended the units recommended
 */
public record UnderScaledRole(String role, int units, int recommended) {

  /**
   * Returns how many more units the role should have.
   *
   * @return {@code recommended - units}
   */
  public int shortBy() {
    return recommended - units;
  }
}
