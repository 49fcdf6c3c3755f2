export const fxRateFields = [
  "id",
  "base_currency",
  "quote_currency",
  "rate",
  "effective_at",
  "created_by",
  "created_at",
]

export const listFxRatesQueryConfig = {
  defaults: fxRateFields,
  defaultLimit: 50,
  isList: true,
}
