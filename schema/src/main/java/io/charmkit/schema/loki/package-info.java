/** The loki_push_api interface (loki_k8s.v1.loki_push_api): where a Loki unit takes pushed logs. */
package io.charmkit.schema.loki;
