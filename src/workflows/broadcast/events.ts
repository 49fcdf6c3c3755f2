/** Emitted when a broadcast should be (re)sent now; the worker's subscriber runs the delivery. */
export const BROADCAST_SENDING_EVENT = "broadcast.sending"

export const deliveryLockKey = (broadcastId: string) => `broadcast-delivery:${broadcastId}`
export const statusLockKey = (broadcastId: string) => `broadcast-status:${broadcastId}`
