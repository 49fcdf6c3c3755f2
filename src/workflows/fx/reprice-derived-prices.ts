import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  releaseLockStep,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { planRepriceStep } from "./steps/plan-reprice"
import { syncDerivedFlagsStep } from "./steps/sync-derived-flags"

export const repriceDerivedPricesWorkflowId = "reprice-derived-prices"

const LOCK_KEY = "fx-reprice"

/**
 * Recomputes every derived price from its source price and the rate now in
 * force. Prices staff set by hand are never written.
 */
export const repriceDerivedPricesWorkflow = createWorkflow(repriceDerivedPricesWorkflowId, () => {
  acquireLockStep({ key: LOCK_KEY, timeout: 30, ttl: 300 })
  const plan = planRepriceStep()
  when({ plan }, ({ plan }) => plan.product_variants.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({
      input: { product_variants: plan.product_variants },
    })
  })
  syncDerivedFlagsStep(plan.flags)
  releaseLockStep({ key: LOCK_KEY })
  const summary = transform({ plan }, ({ plan }) => ({
    repriced: plan.product_variants.length,
    unchanged: plan.unchanged,
    hand_set: plan.hand_set,
  }))
  return new WorkflowResponse(summary)
})
