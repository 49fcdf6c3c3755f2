import { timingSafeEqual } from "node:crypto"

export type MetricsAccessSettings = { NODE_ENV: string; METRICS_TOKEN?: string }

/**
 * Who may read `/metrics`: with `METRICS_TOKEN` set, only `Authorization:
 * Bearer <METRICS_TOKEN>` (else 401); without it, anyone outside production,
 * and no one in production (404, as if there were no such route).
 */
export function metricsAccess(
  authorization: string | undefined,
  settings: MetricsAccessSettings
): "allowed" | "unauthorized" | "not_found" {
  if (!settings.METRICS_TOKEN) {
    return settings.NODE_ENV === "production" ? "not_found" : "allowed"
  }
  const presented = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1]?.trim() ?? ""
  const expected = Buffer.from(settings.METRICS_TOKEN)
  const actual = Buffer.from(presented)
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? "allowed" : "unauthorized"
}
