export const broadcastFields = [
  "id",
  "name",
  "channel",
  "subject",
  "body",
  "audience",
  "scheduled_at",
  "status",
  "started_at",
  "completed_at",
  "cancelled_at",
  "last_error",
  "created_by",
  "created_at",
  "updated_at",
]

export const listBroadcastsQueryConfig = {
  defaults: broadcastFields,
  defaultLimit: 20,
  isList: true,
}

export const recipientFields = [
  "id",
  "customer_id",
  "address",
  "status",
  "provider_message_id",
  "attempts",
  "last_error",
  "sent_at",
]

export const listRecipientsQueryConfig = {
  defaults: recipientFields,
  defaultLimit: 50,
  isList: true,
}
