import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Button, Heading, Input, Label, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useNavigate } from "react-router-dom"
import { useOtpLogin, useRequestOtp, useVerifyMfaChallenge } from "../hooks/staff"

/** A 6-digit code input with its label and, when the last try failed, why. */
const CodeField = (props: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error: string | false
}) => (
  <>
    <Label htmlFor={props.id}>{props.label}</Label>
    <Input
      id={props.id}
      inputMode="numeric"
      pattern="[0-9]{6}"
      required
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.trim())}
    />
    {props.error && (
      <Text size="small" className="text-ui-fg-error">
        {props.error}
      </Text>
    )}
  </>
)

/** "Email me a code": passcode sign-in next to the password form. */
const LoginOtpWidget = () => {
  const navigate = useNavigate()
  const [email, setEmail] = useState("")
  const [code, setCode] = useState("")
  const [totp, setTotp] = useState("")
  const requestOtp = useRequestOtp()
  const login = useOtpLogin()
  const verifyMfa = useVerifyMfaChallenge()
  const challengeId = login.data ? (login.data as { id: string }).id : null

  const ask = (event: FormEvent) => {
    event.preventDefault()
    requestOtp.mutate(email)
  }
  const signIn = (event: FormEvent) => {
    event.preventDefault()
    login.mutate({ email, code }, { onSuccess: (challenge) => !challenge && navigate("/orders") })
  }
  const confirmMfa = (event: FormEvent) => {
    event.preventDefault()
    verifyMfa.mutate({ challengeId: challengeId!, code: totp }, { onSuccess: () => navigate("/orders") })
  }

  if (challengeId) {
    return (
      <div className="border-ui-border-base mt-6 flex w-full flex-col gap-y-3 border-t pt-6">
        <Heading level="h3">Two-step verification</Heading>
        <form onSubmit={confirmMfa} className="flex flex-col gap-y-2">
          <CodeField
            id="otp-totp"
            label="Code from your authenticator app"
            value={totp}
            onChange={setTotp}
            error={verifyMfa.isError && "That authenticator code is wrong or the sign-in expired. Try again, or start over."}
          />
          <Button type="submit" isLoading={verifyMfa.isPending}>
            Verify
          </Button>
        </form>
      </div>
    )
  }

  return (
    <div className="border-ui-border-base mt-6 flex w-full flex-col gap-y-3 border-t pt-6">
      <Heading level="h3">Sign in with an email code</Heading>
      {!requestOtp.isSuccess ? (
        <form onSubmit={ask} className="flex flex-col gap-y-2">
          <Label htmlFor="otp-email">Email</Label>
          <Input id="otp-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <Button type="submit" variant="secondary" disabled={!email.includes("@")} isLoading={requestOtp.isPending}>
            Email me a code
          </Button>
        </form>
      ) : (
        <form onSubmit={signIn} className="flex flex-col gap-y-2">
          <Text size="small" className="text-ui-fg-subtle">
            If {email} belongs to a staff account, a 6-digit code is on its way. It works once, for 10 minutes.
          </Text>
          <CodeField
            id="otp-code"
            label="Code"
            value={code}
            onChange={setCode}
            error={login.isError && "That code is wrong, expired or used. Check it, or ask for a new one."}
          />
          <Button type="submit" isLoading={login.isPending}>
            Sign in
          </Button>
          <Button type="button" variant="transparent" onClick={() => requestOtp.reset()}>
            Send a new code
          </Button>
        </form>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "login.after",
})

export default LoginOtpWidget
