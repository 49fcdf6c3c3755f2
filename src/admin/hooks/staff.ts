import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type StaffRole = "admin" | "support" | "concierge"
type StaffMember = { id: string; email: string; role: StaffRole }

export const staffQueryKeys = {
  all: ["staff"] as const,
  member: (userId: string) => ["staff", userId] as const,
}

export function useStaffMember(userId: string) {
  return useQuery({
    queryKey: staffQueryKeys.member(userId),
    queryFn: () =>
      sdk.client.fetch<{ staff: StaffMember[] }>("/admin/staff", { query: { id: userId } }),
    select: (data) => data.staff[0],
  })
}

export function useSetStaffRole(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (role: StaffRole) =>
      sdk.client.fetch(`/admin/staff/${userId}/role`, { method: "POST", body: { role } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryKeys.all }),
  })
}

export function useRequestOtp() {
  return useMutation({
    mutationFn: (email: string) =>
      sdk.client.fetch<{ sent: boolean }>("/auth/user/otp", { method: "POST", body: { email } }),
  })
}

/** Signs in with an email code; resolves to the MFA challenge when the user has enrolled TOTP. */
export function useOtpLogin() {
  return useMutation({
    mutationFn: async ({ email, code }: { email: string; code: string }) => {
      const result = await sdk.auth.login("user", "otp", { email, code })
      return typeof result === "object" && "mfa_challenge" in result ? result.mfa_challenge : null
    },
  })
}

export function useVerifyMfaChallenge() {
  return useMutation({
    mutationFn: ({ challengeId, code }: { challengeId: string; code: string }) =>
      sdk.auth.mfa.verifyChallenge(challengeId, { method: "totp", code }),
  })
}
