/**
 * Admission of a pod as the API server does it: LimitRange defaulting and validation, pod validation of requests against limits, and ResourceQuota, with the API server's messages.
 */
package io.github.jcg.kube.admission;
