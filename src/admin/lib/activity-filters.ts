import { startOfLocalDay } from "./format"

/** Mirrors ACTOR_TYPES in src/modules/activity (server code stays out of the admin bundle). */
export const ACTIVITY_ACTOR_TYPES = ["user", "customer", "system", "webhook"] as const
export type ActivityActorType = (typeof ACTIVITY_ACTOR_TYPES)[number]

/**
 * The Activity page's filters as the admin typed them, and as they sit in the
 * page's URL (so a link can open the page filtered). Dates are `YYYY-MM-DD`
 * days in the browser's time zone, both ends included.
 */
export type ActivityFilterValues = {
  actor_type: ActivityActorType | ""
  actor_id: string
  resource_type: string
  resource_id: string
  action: string
  from: string
  to: string
}

/** What GET /admin/activity takes, without the cursor and limit. */
export type ActivityApiFilters = Partial<{
  actor_type: ActivityActorType
  actor_id: string
  resource_type: string
  resource_id: string
  action: string
  /** Inclusive start, ISO instant. */
  from: string
  /** Exclusive end, ISO instant. */
  to: string
}>

export const EMPTY_ACTIVITY_FILTERS: ActivityFilterValues = {
  actor_type: "",
  actor_id: "",
  resource_type: "",
  resource_id: "",
  action: "",
  from: "",
  to: "",
}

const FILTER_KEYS = Object.keys(EMPTY_ACTIVITY_FILTERS) as (keyof ActivityFilterValues)[]
const TEXT_KEYS = ["actor_id", "resource_type", "resource_id", "action"] as const

const isActorType = (value: string): value is ActivityActorType =>
  (ACTIVITY_ACTOR_TYPES as readonly string[]).includes(value)

/** The filters in a URL's search params; unknown params and actor types are ignored. */
export function readActivityFilters(params: URLSearchParams): ActivityFilterValues {
  const values = { ...EMPTY_ACTIVITY_FILTERS }
  for (const key of TEXT_KEYS) {
    values[key] = params.get(key)?.trim() ?? ""
  }
  const actorType = params.get("actor_type") ?? ""
  values.actor_type = isActorType(actorType) ? actorType : ""
  values.from = startOfLocalDay(params.get("from") ?? "") ? (params.get("from") as string) : ""
  values.to = startOfLocalDay(params.get("to") ?? "") ? (params.get("to") as string) : ""
  return values
}

/** Search params holding only the filters that are set, trimmed. */
export function writeActivityFilters(values: ActivityFilterValues): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = values[key].trim()
    if (value) {
      params.set(key, value)
    }
  }
  return params
}

/** Why the filters cannot be applied as they are; empty when they can. */
export function activityFilterProblems(values: ActivityFilterValues): string[] {
  const problems: string[] = []
  const from = values.from ? startOfLocalDay(values.from) : null
  const to = values.to ? startOfLocalDay(values.to) : null
  if (values.from && !from) {
    problems.push("The start date is not a valid day.")
  }
  if (values.to && !to) {
    problems.push("The end date is not a valid day.")
  }
  if (from && to && from > to) {
    problems.push("The start date is after the end date.")
  }
  return problems
}

/**
 * The API filters for the values: text trimmed and left out when empty, and the
 * day range turned into instants (the end is the start of the day after `to`,
 * because the API's `to` is exclusive).
 */
export function activityApiFilters(values: ActivityFilterValues): ActivityApiFilters {
  const query: ActivityApiFilters = {}
  for (const key of TEXT_KEYS) {
    const value = values[key].trim()
    if (value) {
      query[key] = value
    }
  }
  if (values.actor_type) {
    query.actor_type = values.actor_type
  }
  const from = values.from ? startOfLocalDay(values.from) : null
  if (from) {
    query.from = from.toISOString()
  }
  const to = values.to ? startOfLocalDay(values.to) : null
  if (to) {
    query.to = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1).toISOString()
  }
  return query
}

/** How many filters are set, for "Clear (3)". */
export const countActivityFilters = (values: ActivityFilterValues): number =>
  FILTER_KEYS.filter((key) => values[key].trim() !== "").length

/** A link to the Activity page showing only what the filters match, e.g. one product's events. */
export function activityPageLink(filters: Partial<ActivityFilterValues>): string {
  const search = writeActivityFilters({ ...EMPTY_ACTIVITY_FILTERS, ...filters }).toString()
  return search ? `/activity?${search}` : "/activity"
}
