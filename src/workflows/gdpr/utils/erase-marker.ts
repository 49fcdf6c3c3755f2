/** The only metadata an erased customer keeps: when the first erase happened. */
export const eraseMarker = (erasedAt: string) => ({ erased_at: erasedAt })

export const isEraseMarker = (metadata: Record<string, unknown> | null | undefined, erasedAt: string) =>
  !!metadata && Object.keys(metadata).length === 1 && metadata.erased_at === erasedAt
